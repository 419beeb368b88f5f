#!/usr/bin/env bash
# Smoke test of the local llama-server's OpenAI-compatible API, as used by HVAE.
#
#   smoke-test.sh            starts a server with with-server.sh, tests it, stops it
#   HVAE_LLAMA_BASE_URL=http://127.0.0.1:PORT/v1 smoke-test.sh   tests a running server
#
# Checks: /v1/models; a plain chat completion; a JSON-schema-constrained one via
# response_format (content must be {"choice":"A".."I"}, usage must be present); a GBNF
# "grammar"-constrained one (content must be one letter A..I); seed/temperature accepted.
# Prints each request and response. Exit code 0 only if every check passes.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ -z "${HVAE_LLAMA_BASE_URL:-}" ]]; then
  exec "$HERE/with-server.sh" "$HERE/smoke-test.sh"
fi
PY="$(command -v python3 || command -v /usr/bin/python3)"
BASE="$HVAE_LLAMA_BASE_URL"
failures=0

post() { # name, body, python check (reads the response JSON as r)
  local name="$1" body="$2" check="$3" resp t0 t1
  echo "=== $name"
  echo ">>> POST $BASE/chat/completions $body"
  t0=$(date +%s.%N)
  resp="$(curl -sS --max-time 60 -H 'Content-Type: application/json' -d "$body" \
          -w '\n%{http_code}' "$BASE/chat/completions")" || { echo "!!! curl failed"; failures=$((failures+1)); return; }
  t1=$(date +%s.%N)
  local code="${resp##*$'\n'}"
  resp="${resp%$'\n'*}"
  echo "<<< HTTP $code ($(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s) $resp"
  if [[ "$code" != 200 ]] || ! printf '%s' "$resp" | "$PY" -c "
import json, sys
r = json.load(sys.stdin)
msg = r['choices'][0]['message']
content = msg['content']
u = r['usage']
assert isinstance(u['prompt_tokens'], int) and isinstance(u['completion_tokens'], int), u
t = r.get('timings', {})
print('    content=%r finish_reason=%s usage=%s tokens/s=%s' % (content, r['choices'][0].get('finish_reason'), u, t.get('predicted_per_second')))
$check
"; then
    echo "!!! FAILED: $name"; failures=$((failures+1))
  else
    echo "    OK"
  fi
}

echo "=== GET $BASE/models"
curl -sS --max-time 10 "$BASE/models"; echo
curl -sf -o /dev/null --max-time 10 "$BASE/models" || { echo "!!! /models failed"; failures=$((failures+1)); }

USER_MSG='{"role":"user","content":"Choose A..I"}'
SCHEMA='{"type":"json_schema","json_schema":{"name":"choice","strict":true,"schema":{"type":"object","properties":{"choice":{"type":"string","enum":["A","B","C","D","E","F","G","H","I"]}},"required":["choice"],"additionalProperties":false}}}'

post "plain chat completion" \
  "{\"model\":\"tiny\",\"messages\":[$USER_MSG],\"max_tokens\":16}" \
  "assert isinstance(content, str)"

# JSON-schema output may contain up to ~20 whitespace characters between tokens, so
# max_tokens 16 truncates it now and then (finish_reason "length"); 64 is ample.
post "json_schema via response_format" \
  "{\"model\":\"tiny\",\"messages\":[$USER_MSG],\"max_tokens\":64,\"response_format\":$SCHEMA}" \
  "v = json.loads(content); assert set(v) == {'choice'} and v['choice'] in 'ABCDEFGHI' and len(v['choice']) == 1, v"

post "json_schema with system message, seed and temperature" \
  "{\"model\":\"tiny\",\"messages\":[{\"role\":\"system\",\"content\":\"Answer with JSON.\"},$USER_MSG],\"max_tokens\":64,\"seed\":42,\"temperature\":0,\"response_format\":$SCHEMA}" \
  "v = json.loads(content); assert v['choice'] in list('ABCDEFGHI'), v"

post "GBNF grammar field" \
  "{\"model\":\"tiny\",\"messages\":[$USER_MSG],\"max_tokens\":16,\"grammar\":\"root ::= [A-I]\"}" \
  "assert content in list('ABCDEFGHI'), content"

post "GBNF grammar with seed and temperature 0.7" \
  "{\"model\":\"tiny\",\"messages\":[$USER_MSG],\"max_tokens\":16,\"seed\":7,\"temperature\":0.7,\"grammar\":\"root ::= [A-I]\"}" \
  "assert content in list('ABCDEFGHI'), content"

post "json_object via response_format with schema (llama.cpp extension)" \
  "{\"model\":\"tiny\",\"messages\":[$USER_MSG],\"max_tokens\":64,\"response_format\":{\"type\":\"json_object\",\"schema\":{\"type\":\"object\",\"properties\":{\"choice\":{\"type\":\"string\",\"enum\":[\"A\",\"B\",\"C\",\"D\",\"E\",\"F\",\"G\",\"H\",\"I\"]}},\"required\":[\"choice\"]}}}" \
  "v = json.loads(content); assert v['choice'] in list('ABCDEFGHI'), v"

if ((failures)); then
  echo "SMOKE TEST FAILED: $failures check(s)"
  exit 1
fi
echo "SMOKE TEST PASSED"
