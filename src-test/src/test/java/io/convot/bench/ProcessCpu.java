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

  /** CPU time used so far, in milliseconds: the test server's process, PostgreSQL's processes, this JVM. */
  record Sample(double serverMillis, double databaseMillis, double clientMillis) {
    static Sample now() throws IOException {
      return new Sample(millis(io.convot.it.support.TestServer.pid()), postgresMillis(),
          ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime() / 1e6);
    }

    Sample minus(Sample earlier) {
      return new Sample(serverMillis - earlier.serverMillis, databaseMillis - earlier.databaseMillis, clientMillis - earlier.clientMillis);
    }
  }

  /** User plus system CPU time of process {@code pid} so far, in milliseconds. */
  static double millis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
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
