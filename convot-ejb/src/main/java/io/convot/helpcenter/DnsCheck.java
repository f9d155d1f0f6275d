package io.convot.helpcenter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Checks that a custom domain is a CNAME to the help-center host, with dnsjava, through the DNS
 * servers of {@code convot.dns.servers} ({@code host:port,...}) or else the system's, never from a
 * cache (a record just fixed must be seen at once). When it is not, it says why in the words a
 * DNS provider's customer understands: the zone name appended to the record's name or value, an A
 * record instead of a CNAME, a CNAME at the zone apex, another value, or no record at all.
 */
@ApplicationScoped
public class DnsCheck {

  /** What a check found: the status it gives the domain, and why. */
  public record Outcome(HelpDomain.Status status, String explanation) {}

  /** DNS gave no answer (timeout, server failure): nothing can be concluded. */
  public static class Unanswered extends Exception {
    Unanswered(String message) {
      super(message, null, false, false);
    }
  }

  @Inject
  @ConfigProperty(name = "convot.dns.servers")
  Optional<String> servers;

  @Inject
  @ConfigProperty(name = "convot.dns.timeout", defaultValue = "PT3S")
  Duration timeout;

  public Outcome check(String hostname, String expectedHost) throws Unanswered {
    Name host = name(hostname);
    Name expected = name(expectedHost);
    Resolver resolver = resolver();
    Name zone = zoneOf(host, resolver);
    List<Record> cnames = lookup(host, Type.CNAME, resolver);
    if (!cnames.isEmpty()) {
      Name target = ((CNAMERecord) cnames.get(0)).getTarget();
      return pointing(hostname, target, expected, zone);
    }
    if (host.equals(zone)) {
      return new Outcome(HelpDomain.Status.ERROR, hostname + " is the zone apex (the domain itself), where DNS allows no CNAME"
          + " record beside the zone's own records. Use a subdomain instead, such as help." + hostname + ", with a CNAME to "
          + expectedHost + ".");
    }
    if (zone != null) {
      Name doubled = concatenate(host, zone);
      if (doubled != null && !lookup(doubled, Type.CNAME, resolver).isEmpty()) {
        return new Outcome(HelpDomain.Status.ERROR, "A CNAME record was found at " + text(doubled) + ", not at " + hostname
            + ": your provider appended the zone name to the record's name. Edit the record and enter only "
            + relative(host, zone) + " as its name (or " + hostname + ". with a final dot).");
      }
    }
    List<String> addresses = new ArrayList<>();
    lookup(host, Type.A, resolver).forEach(r -> addresses.add(((ARecord) r).getAddress().getHostAddress()));
    String kind = "an A record";
    if (addresses.isEmpty()) {
      lookup(host, Type.AAAA, resolver).forEach(r -> addresses.add(((AAAARecord) r).getAddress().getHostAddress()));
      kind = "an AAAA record";
    }
    if (!addresses.isEmpty()) {
      return new Outcome(HelpDomain.Status.ERROR, hostname + " has " + kind + " (" + String.join(", ", addresses)
          + ") instead of a CNAME. Delete it and create a CNAME record named " + hostname + " with the value " + expectedHost
          + ": the help center's address can then change without you changing anything.");
    }
    return new Outcome(HelpDomain.Status.MISSING, "No CNAME record was found for " + hostname + ". At your DNS provider, create"
        + " a CNAME record named " + hostname + " with the value " + expectedHost + ", then verify again. A new record can"
        + " take a few minutes (rarely up to 48 hours) to be seen.");
  }

  private static Outcome pointing(String hostname, Name target, Name expected, Name zone) {
    if (target.equals(expected)) {
      return new Outcome(HelpDomain.Status.VERIFIED, hostname + " is a CNAME to " + text(expected) + " (the final dot some"
          + " providers show only marks a complete name: " + target + " is the same name). The help center is served at https://"
          + hostname + "/.");
    }
    Name appended = zone == null ? null : concatenate(expected, zone);
    if (target.equals(appended)) {
      return new Outcome(HelpDomain.Status.ERROR, hostname + " points at " + text(target) + ": your provider appended the zone"
          + " name to the value. Enter the value with a final dot, " + expected + ", so that it is read as a complete name.");
    }
    return new Outcome(HelpDomain.Status.ERROR, hostname + " is a CNAME to " + text(target) + ", but it must point at "
        + text(expected) + ". Change the record's value to " + text(expected) + ".");
  }

  /** The zone a name lies in: the nearest name at or above it with an SOA record of its own. */
  private Name zoneOf(Name host, Resolver resolver) throws Unanswered {
    for (int labels = host.labels(); labels >= 2; labels--) {
      Name candidate = new Name(host, host.labels() - labels);
      for (Record soa : lookup(candidate, Type.SOA, resolver)) {
        if (soa.getName().equals(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private List<Record> lookup(Name name, int type, Resolver resolver) throws Unanswered {
    Lookup lookup = new Lookup(name, type);
    lookup.setResolver(resolver);
    lookup.setCache(null);
    Record[] records = lookup.run();
    return switch (lookup.getResult()) {
      case Lookup.SUCCESSFUL -> records == null ? List.of() : List.of(records);
      case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> List.of();
      default -> throw new Unanswered(Type.string(type) + " " + name + ": " + lookup.getErrorString());
    };
  }

  private Resolver resolver() throws Unanswered {
    List<String> configured = servers.map(s -> List.of(s.split(","))).orElse(List.of()).stream().map(String::strip)
        .filter(s -> !s.isEmpty()).collect(Collectors.toList());
    try {
      Resolver resolver;
      if (configured.isEmpty()) {
        resolver = new ExtendedResolver();
      } else {
        List<Resolver> each = new ArrayList<>();
        for (String server : configured) {
          int colon = server.lastIndexOf(':');
          boolean hasPort = colon > 0 && !server.endsWith("]") && server.indexOf(':') == colon;
          String address = hasPort ? server.substring(0, colon) : server;
          int port = hasPort ? Integer.parseInt(server.substring(colon + 1)) : 53;
          each.add(new SimpleResolver(new InetSocketAddress(address.replace("[", "").replace("]", ""), port)));
        }
        resolver = new ExtendedResolver(each.toArray(Resolver[]::new));
      }
      resolver.setTimeout(timeout);
      return resolver;
    } catch (RuntimeException e) {
      throw new Unanswered("convot.dns.servers names no usable DNS server: " + e.getMessage());
    }
  }

  private static Name name(String hostname) {
    try {
      return Name.fromString(hostname.toLowerCase(Locale.ROOT).replaceAll("\\.$", "") + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + hostname, e);
    }
  }

  private static Name concatenate(Name prefix, Name suffix) {
    try {
      return Name.concatenate(Name.fromString(text(prefix)), suffix);
    } catch (Exception e) {
      return null; // too long to exist
    }
  }

  private static String relative(Name host, Name zone) {
    return host.relativize(zone).toString();
  }

  /** A name as people write it, without the final dot. */
  static String text(Name name) {
    String text = name.toString().toLowerCase(Locale.ROOT);
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
