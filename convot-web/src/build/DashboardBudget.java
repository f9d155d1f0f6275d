import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard's size budget, run by the build on the web module as packaged: what the browser can
 * load before the inbox first shows, each file as the server sends it (gzipped), must fit the budget.
 * Counted: the page, every script and style sheet of app/ but the pages other than the inbox and
 * sign-in (each loaded only when shown), and every library file under webjars/. Prints the sizes;
 * exits 1 over budget.
 *
 * <p>Usage: {@code java DashboardBudget.java <exploded web module> <budget in bytes>}
 */
public class DashboardBudget {

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    long budget = Long.parseLong(args[1]);
    Path app = root.resolve("app");
    long page = gzipped(app.resolve("index.html"));
    List<Path> own = files(app, path -> isScriptOrStyle(path) && !isLaterPage(app.relativize(path)));
    List<Path> libraries = files(root.resolve("webjars"), DashboardBudget::isScriptOrStyle);
    long ownSize = sum(own);
    long librariesSize = sum(libraries);
    long total = page + ownSize + librariesSize;
    System.out.printf("Dashboard first load gzipped: %d bytes (budget %d): index.html %d, %d scripts and style sheets"
        + " of app/ %d, %d library files of webjars/ %d%n", total, budget, page, own.size(), ownSize, libraries.size(),
        librariesSize);
    if (total > budget) {
      System.out.printf("The dashboard's first load is %d bytes gzipped, over its budget of %d (dashboard.budget.first-load)%n",
          total, budget);
      System.exit(1);
    }
  }

  private static boolean isScriptOrStyle(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".js") || name.endsWith(".css");
  }

  /** A page the router loads only when it is shown: every one but the inbox and sign-in. */
  private static boolean isLaterPage(Path relative) {
    if (relative.getNameCount() < 2 || !relative.getName(0).toString().equals("pages")) {
      return false;
    }
    String name = relative.getFileName().toString();
    return !(relative.getNameCount() == 2 && name.matches("(inbox|signin)\\.(js|css)"));
  }

  private static List<Path> files(Path dir, Predicate<Path> counted) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).filter(counted).sorted().toList();
    }
  }

  private static long sum(List<Path> files) {
    return files.stream().mapToLong(DashboardBudget::gzipped).sum();
  }

  /** The size the server sends: gzipped, unless gzip would not make it smaller. */
  private static long gzipped(Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      byte[] plain = Files.readAllBytes(file);
      gz.write(plain);
      gz.finish();
      return Math.min(plain.length, out.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
