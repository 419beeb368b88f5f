package io.github.hvae.internal.replay;

import io.github.hvae.internal.io.AtomicFiles;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts one {@link CassetteAgent}'s recorded exchanges on disk, each before its call returns, the
 * way {@link CassetteAgent.Writes} says.
 *
 * <p>{@link CassetteAgent.Writes#JOURNAL}: the first exchange rewrites the cassette file at once
 * (a recording replaces the old file from its first exchange); later ones are appended, with one
 * write, to a {@link CassetteJournal} that every reader of the cassette applies. The file is then
 * rewritten in the background at most every {@link #REWRITE_DELAY}, one rewrite serving every
 * exchange since the last; {@link #flush} (an evaluation's end, and the JVM's exit) rewrites it
 * and removes the journal. Rewriting the file on every exchange costs a rename over the old file
 * per call, which ext4 turns into a flush of the new one: about a millisecond per call on the
 * benchmark machine, 0.3 ms when quiet.
 *
 * <p>Either way the promise is the same: every call returns only once its exchange is on disk,
 * and a run killed at any instant leaves a cassette that parses and holds every exchange whose
 * call returned (the file plus its journal).
 */
final class CassetteWriter {

  /** The cassette as text, and how many exchanges it holds; rendered under the agent's lock. */
  record Snapshot(String json, long covers) {}

  /** Renders the cassette when it holds more than {@code written} exchanges; null otherwise. */
  @FunctionalInterface
  interface Source {
    Snapshot since(long written);
  }

  /**
   * How long the cassette file may lag its journal while exchanges keep coming: one rewrite
   * serves every exchange of that time. The first rewrite comes at once, so the file exists early.
   */
  static final Duration REWRITE_DELAY = Duration.ofMillis(500);

  /** Rewrites cassettes in the background; daemon, so that it never keeps a JVM alive. */
  private static final ScheduledExecutorService REWRITER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "hvae-cassette-writer");
            thread.setDaemon(true);
            return thread;
          });

  /** Writers with exchanges that only their journal holds; flushed when the JVM exits. */
  private static final Set<CassetteWriter> PENDING = ConcurrentHashMap.newKeySet();

  /** The writer of this process that writes each cassette file now. */
  private static final Map<Path, CassetteWriter> WRITERS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (CassetteWriter writer : List.copyOf(PENDING)) {
                    try {
                      writer.flush();
                    } catch (RuntimeException e) {
                      // The journal stays; the next run that reads the cassette applies it.
                    }
                  }
                },
                "hvae-cassette-flush"));
  }

  private final Path file;
  private final CassetteAgent.Writes writes;
  private final Source source;

  // Guarded by writeLock: how many exchanges the file holds; whether another writer took over.
  private final Object writeLock = new Object();
  private long written = -1;
  private boolean retired;
  // Set once the file holds the first exchange: from then on exchanges go to the journal.
  private volatile boolean started;
  // Guarded by journalLock: the journal of exchanges the file may not hold yet, and the highest
  // exchange written to it; journals of killed runs that the next rewrite makes redundant.
  private final Object journalLock = new Object();
  private CassetteJournal journal;
  private long journaled;
  private List<Path> superseded = List.of();
  private final AtomicBoolean rewriteScheduled = new AtomicBoolean();

  CassetteWriter(Path file, CassetteAgent.Writes writes, Source source) {
    this.file = file;
    this.writes = writes;
    this.source = source;
  }

  CassetteAgent.Writes writes() {
    return writes;
  }

  /**
   * Makes this the writer of the file in this process (a previous writer hands over a complete
   * file), and clears what dead writers left beside it: temporary files, and journals of killed
   * runs, which the first rewrite includes (auto) or replaces (record).
   */
  void claim() throws IOException {
    CassetteWriter previous = WRITERS.put(file.toAbsolutePath().normalize(), this);
    if (previous != null && previous != this) {
      previous.retire();
    }
    AtomicFiles.deleteLeftovers(file);
    List<Path> abandoned = new ArrayList<>();
    for (Path each : CassetteJournal.of(file)) {
      if (CassetteJournal.isAbandoned(each)) {
        abandoned.add(each);
      }
    }
    synchronized (journalLock) {
      superseded = List.copyOf(abandoned);
    }
  }

  /** Returns once exchange number {@code exchange} (sample, turn, interaction) is on disk. */
  void persist(int sample, int turn, Interaction interaction, long exchange) {
    if (writes == CassetteAgent.Writes.REWRITE_EACH_EXCHANGE) {
      rewriteEach(exchange);
      return;
    }
    if (!started) {
      synchronized (writeLock) {
        if (!started) {
          rewrite();
          started = true;
        }
        if (written >= exchange) {
          return;
        }
      }
    }
    synchronized (journalLock) {
      try {
        if (journal == null) {
          journal = CassetteJournal.create(file);
        }
        journal.append(sample, turn, interaction);
      } catch (IOException e) {
        throw new CassetteException(
            "cannot write beside cassette "
                + file.toAbsolutePath()
                + ": "
                + e
                + "; check that the directory (hvae.cassette-dir) is writable",
            e);
      }
      journaled = Math.max(journaled, exchange);
    }
    PENDING.add(this);
    if (rewriteScheduled.compareAndSet(false, true)) {
      REWRITER.schedule(this::rewriteInBackground, REWRITE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Returns once the file holds the first {@code exchange} exchanges. Concurrent samples share
   * rewrites: a sample that waited while another wrote finds its exchange already written, and
   * one rewrite serves every sample that queued behind it. Writing on every exchange under the
   * cassette's lock made recording quadratic and serialised the samples; the text is rendered
   * incrementally ({@link CassetteFile.Renderer}: only the samples that changed).
   */
  private void rewriteEach(long exchange) {
    synchronized (writeLock) {
      if (written >= exchange) {
        return;
      }
      Snapshot snapshot = source.since(written);
      CassetteFile.writeJson(file, snapshot.json());
      written = snapshot.covers();
      dropSuperseded();
    }
  }

  /** Removes the journals of killed runs once the file holds what they held. */
  private void dropSuperseded() {
    synchronized (journalLock) {
      try {
        for (Path old : superseded) {
          Files.deleteIfExists(old);
        }
        superseded = List.of();
      } catch (IOException e) {
        // Left for the next rewrite; readers apply a journal twice without harm.
      }
    }
  }

  private void rewriteInBackground() {
    rewriteScheduled.set(false);
    try {
      rewrite();
    } catch (RuntimeException e) {
      // The journal keeps every exchange; the next rewrite, flush() or reader gets them.
    }
  }

  /**
   * Rewrites the cassette file with every exchange appended so far, atomically; removes the
   * journal when the file holds all it held, and the journals of killed runs the file supersedes.
   */
  private void rewrite() {
    synchronized (writeLock) {
      if (retired) {
        return;
      }
      Snapshot snapshot = source.since(written);
      if (snapshot == null) {
        return;
      }
      CassetteFile.writeJson(file, snapshot.json());
      written = snapshot.covers();
      dropSuperseded();
      synchronized (journalLock) {
        try {
          if (journal != null && journaled <= snapshot.covers()) {
            journal.delete();
            journal = null;
            PENDING.remove(this);
          }
        } catch (IOException e) {
          // Left for the next rewrite; readers apply a journal twice without harm.
        }
      }
    }
  }

  /**
   * Rewrites the cassette file now with every exchange so far and removes the journal: after it
   * the file alone holds the recording.
   */
  void flush() {
    rewrite();
    synchronized (journalLock) {
      if (journal == null) {
        PENDING.remove(this);
      }
    }
  }

  /** Another writer of this process writes the file from now on: hand it a complete file. */
  private void retire() {
    flush();
    synchronized (writeLock) {
      retired = true;
    }
  }
}
