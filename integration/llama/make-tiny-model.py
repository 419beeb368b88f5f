#!/usr/bin/env python3
"""Writes a tiny, deterministic llama-architecture GGUF model for integration tests.

The weights are seeded random numbers, so the generated text is gibberish, but the model
is a real model for llama.cpp: it loads, tokenizes (the llama SPM vocabulary is copied
from llama.cpp's vocab-only GGUF), applies a llama-2 chat template and samples, so
grammar- and JSON-schema-constrained output is valid.

Usage:
    make-tiny-model.py OUTPUT.gguf [--gguf-py DIR] [--vocab FILE] [--seed N]

Defaults for --gguf-py and --vocab are taken from the build cache written by
build-server.sh: ${HVAE_LLAMA_CACHE:-$HOME/.cache/hvae/llama}/node-llama-cpp-VERSION/src/
(VERSION from $HVAE_NODE_LLAMA_CPP_VERSION, default 3.22.1). Needs numpy only.
"""
import argparse
import os
import sys
from pathlib import Path

DEFAULT_VERSION = "3.22.1"

# Shape of the tiny model.
N_EMBD = 64
N_BLOCKS = 2
N_HEAD = 4
N_HEAD_KV = 4
N_FF = 128
# Trained context: a whole HVAE conversation (value and goal prompts, six or fifteen items,
# re-asks) needs a few thousand tokens, and llama-server caps each slot at this length.
N_CTX = 32768
RMS_EPS = 1e-5
ROPE_THETA = 10000.0

# The official Llama-2-chat template (jinja). llama.cpp recognises it by pattern
# ("[INST]", "<<SYS>>", "content.strip()") as its built-in "llama2-sys-strip" template,
# so it also works with --no-jinja; it supports an optional leading system message.
CHAT_TEMPLATE = (
    "{% if messages[0]['role'] == 'system' %}"
    "{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}"
    "{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}"
    "{% for message in loop_messages %}"
    "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}"
    "{% endif %}"
    "{% if loop.index0 == 0 and system_message != false %}"
    "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
    "{% else %}{% set content = message['content'] %}{% endif %}"
    "{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}"
    "{% elif message['role'] == 'assistant' %}{{ ' ' + content.strip() + ' ' + eos_token }}{% endif %}"
    "{% endfor %}"
)


def default_src() -> Path:
    cache = Path(os.environ.get("HVAE_LLAMA_CACHE") or Path.home() / ".cache" / "hvae" / "llama")
    version = os.environ.get("HVAE_NODE_LLAMA_CPP_VERSION") or DEFAULT_VERSION
    return cache / f"node-llama-cpp-{version}" / "src"


def plain(value):
    """numpy scalar -> python scalar (struct.pack friendly)."""
    return value.item() if hasattr(value, "item") else value


def main() -> int:
    src = default_src()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("output", help="path of the GGUF file to write")
    ap.add_argument("--gguf-py", default=str(src / "gguf-py"), help="llama.cpp's gguf-py directory")
    ap.add_argument("--vocab", default=str(src / "models" / "ggml-vocab-llama-spm.gguf"),
                    help="vocab-only GGUF whose tokenizer.* keys are copied")
    ap.add_argument("--seed", type=int, default=20240607, help="random seed (fixed -> identical file)")
    args = ap.parse_args()

    try:
        import numpy as np
    except ImportError:
        print(f"make-tiny-model: numpy is not available in {sys.executable}; "
              "use a python3 with numpy (Debian: apt-get install python3-numpy)", file=sys.stderr)
        return 2
    if not Path(args.gguf_py, "gguf").is_dir():
        print(f"make-tiny-model: gguf-py not found at {args.gguf_py} (run build-server.sh first)", file=sys.stderr)
        return 2
    if not Path(args.vocab).is_file():
        print(f"make-tiny-model: vocabulary GGUF not found at {args.vocab} (run build-server.sh first)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(Path(args.gguf_py).resolve()))
    import gguf  # noqa: E402
    from gguf import GGUFReader, GGUFValueType, GGUFWriter  # noqa: E402

    reader = GGUFReader(args.vocab)
    tok_fields = {k: f for k, f in reader.fields.items() if k.startswith("tokenizer.")}
    if "tokenizer.ggml.tokens" not in tok_fields:
        print(f"make-tiny-model: {args.vocab} has no tokenizer.ggml.tokens", file=sys.stderr)
        return 2
    n_vocab = len(tok_fields["tokenizer.ggml.tokens"].data)

    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")  # unique: concurrent runs cannot clobber

    arch = "llama"
    w = GGUFWriter(str(tmp), arch)
    w.add_name("hvae-tiny-llama")
    w.add_context_length(N_CTX)
    w.add_embedding_length(N_EMBD)
    w.add_block_count(N_BLOCKS)
    w.add_feed_forward_length(N_FF)
    w.add_head_count(N_HEAD)
    w.add_head_count_kv(N_HEAD_KV)
    w.add_layer_norm_rms_eps(RMS_EPS)
    w.add_rope_dimension_count(N_EMBD // N_HEAD)
    w.add_rope_freq_base(ROPE_THETA)
    w.add_vocab_size(n_vocab)
    w.add_file_type(gguf.LlamaFileType.ALL_F32)

    for key, field in tok_fields.items():
        main_type = field.types[0]
        if main_type == GGUFValueType.ARRAY:
            sub_type = field.types[-1]
            values = field.contents()
            if sub_type != GGUFValueType.STRING:
                values = [plain(v) for v in values]
            w.add_key_value(key, values, GGUFValueType.ARRAY, sub_type=sub_type)
        else:
            w.add_key_value(key, plain(field.contents()), main_type)
    if "tokenizer.chat_template" not in tok_fields:
        w.add_chat_template(CHAT_TEMPLATE)

    rng = np.random.default_rng(args.seed)

    def rand(*shape):  # numpy shape = reversed ggml shape: (rows=out, cols=in)
        return (rng.standard_normal(shape) * 0.02).astype(np.float32)

    def ones(n):
        return np.ones((n,), dtype=np.float32)

    n_embd_kv = (N_EMBD // N_HEAD) * N_HEAD_KV
    w.add_tensor("token_embd.weight", rand(n_vocab, N_EMBD))
    w.add_tensor("output_norm.weight", ones(N_EMBD))
    # no "output.weight": llama.cpp ties the output projection to token_embd
    for i in range(N_BLOCKS):
        p = f"blk.{i}."
        w.add_tensor(p + "attn_norm.weight", ones(N_EMBD))
        w.add_tensor(p + "attn_q.weight", rand(N_EMBD, N_EMBD))
        w.add_tensor(p + "attn_k.weight", rand(n_embd_kv, N_EMBD))
        w.add_tensor(p + "attn_v.weight", rand(n_embd_kv, N_EMBD))
        w.add_tensor(p + "attn_output.weight", rand(N_EMBD, N_EMBD))
        w.add_tensor(p + "ffn_norm.weight", ones(N_EMBD))
        w.add_tensor(p + "ffn_gate.weight", rand(N_FF, N_EMBD))
        w.add_tensor(p + "ffn_up.weight", rand(N_FF, N_EMBD))
        w.add_tensor(p + "ffn_down.weight", rand(N_EMBD, N_FF))

    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    os.replace(tmp, out)
    print(f"make-tiny-model: wrote {out} ({out.stat().st_size / 1e6:.1f} MB, vocab {n_vocab}, "
          f"{N_BLOCKS} blocks, {N_EMBD} dims, seed {args.seed})", file=sys.stderr)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
