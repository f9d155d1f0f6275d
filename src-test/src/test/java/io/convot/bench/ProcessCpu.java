package io.convot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time of processes on this (Linux) machine, from {@code /proc/<pid>/stat}. */
final class ProcessCpu {

  /** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {}

  /**
   * CPU time used so far, in milliseconds: the test server's process (and, of it, its JIT compiler
   * threads: a server that has not run a path for long compiles it while a benchmark measures),
   * PostgreSQL's processes, this JVM.
   */
  record Sample(double serverMillis, double compilerMillis, double databaseMillis, double clientMillis) {
    static Sample now() throws IOException {
      long server = io.convot.it.support.TestServer.pid();
      return new Sample(millis(server), ProcessCpu.compilerMillis(server), postgresMillis(),
          ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime() / 1e6);
    }

    Sample minus(Sample earlier) {
      return new Sample(serverMillis - earlier.serverMillis, compilerMillis - earlier.compilerMillis,
          databaseMillis - earlier.databaseMillis, clientMillis - earlier.clientMillis);
    }
  }

  /** User plus system CPU time of process {@code pid} so far, in milliseconds. */
  static double millis(long pid) {
    return millis(Path.of("/proc", String.valueOf(pid), "stat"));
  }

  /** The CPU time of the HotSpot JIT compiler threads (C1, C2) of process {@code pid} so far, in milliseconds. */
  static double compilerMillis(long pid) throws IOException {
    try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      return threads.filter(ProcessCpu::isCompiler).mapToDouble(thread -> millis(thread.resolve("stat"))).sum();
    }
  }

  private static boolean isCompiler(Path thread) {
    try {
      return Files.readString(thread.resolve("comm")).matches("(?s)C[12] CompilerThre.*");
    } catch (IOException e) {
      return false;
    }
  }

  private static double millis(Path statFile) {
    try {
      String stat = Files.readString(statFile);
      // The fields after the command (which may hold spaces) start after its closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0; // the process ended
    }
  }

  /** The CPU time of every PostgreSQL process of this machine (all databases: a quiet machine is assumed), in milliseconds. */
  static double postgresMillis() throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(ProcessCpu::isPostgres)
          .mapToDouble(path -> millis(Long.parseLong(path.getFileName().toString())))
          .sum();
    }
  }

  private static boolean isPostgres(Path process) {
    try {
      return Files.readString(process.resolve("comm")).trim().startsWith("postgres");
    } catch (IOException e) {
      return false;
    }
  }
}
