package io.convot.it.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A real authoritative DNS server over UDP on 127.0.0.1, at the port the test server's custom-domain
 * checks ask ({@code convot.dns.servers}), answering from zones the tests add: records of the asked
 * type, a CNAME for any other type, NODATA for a name that exists without that type, NXDOMAIN
 * otherwise, with the zone's SOA in the authority section as real servers do. Messages are
 * dnsjava's; one server serves every test of the run (zones are unique per test).
 */
public final class DnsServer {

  public static final int PORT = Integer.getInteger("convot.test.dns-port", 10053);
  private static final long TTL = 5;
  private static DnsServer shared;

  private final DatagramSocket socket;
  private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
  private final List<Name> zones = new CopyOnWriteArrayList<>();

  private DnsServer() throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT));
    Thread thread = new Thread(this::serve, "test-dns-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** The one server of this test run, started on first use. */
  public static synchronized DnsServer shared() {
    if (shared == null) {
      try {
        shared = new DnsServer();
      } catch (SocketException e) {
        throw new IllegalStateException("The test DNS server cannot listen on UDP port " + PORT, e);
      }
    }
    return shared;
  }

  /** Adds a zone (its SOA record at the apex). */
  public DnsServer zone(String zone) {
    Name apex = name(zone);
    zones.add(apex);
    add(new SOARecord(apex, DClass.IN, TTL, name("ns1." + zone), name("hostmaster." + zone), 1, 3600, 600, 86400, TTL));
    return this;
  }

  public DnsServer cname(String host, String target) {
    return add(new CNAMERecord(name(host), DClass.IN, TTL, name(target)));
  }

  public DnsServer a(String host, String address) {
    try {
      return add(new ARecord(name(host), DClass.IN, TTL, InetAddress.getByName(address)));
    } catch (IOException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  /** Removes every record of {@code host}. */
  public DnsServer remove(String host) {
    records.remove(name(host));
    return this;
  }

  private DnsServer add(Record record) {
    records.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>()).add(record);
    return this;
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
        byte[] answer = answer(new Message(query)).toWire(512);
        socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
      } catch (IOException | RuntimeException e) {
        // a malformed query gets no answer, as from a real server under attack
      }
    }
  }

  private Message answer(Message query) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    response.addRecord(question, Section.QUESTION);
    Name name = question.getName();
    int type = question.getType();
    List<Record> here = records.getOrDefault(name, List.of());
    List<Record> matching = new ArrayList<>(here.stream().filter(r -> r.getType() == type).toList());
    if (matching.isEmpty() && type != Type.CNAME) {
      matching.addAll(here.stream().filter(r -> r.getType() == Type.CNAME).toList());
    }
    if (!matching.isEmpty()) {
      matching.forEach(r -> response.addRecord(r, Section.ANSWER));
      return response;
    }
    Name zone = zoneOf(name);
    if (zone == null) {
      response.getHeader().setRcode(Rcode.NXDOMAIN); // a name in no zone of ours does not exist
      return response;
    }
    records.getOrDefault(zone, List.of()).stream().filter(r -> r.getType() == Type.SOA)
        .forEach(r -> response.addRecord(r, Section.AUTHORITY));
    boolean exists = records.keySet().stream().anyMatch(n -> n.equals(name) || n.subdomain(name));
    response.getHeader().setRcode(exists ? Rcode.NOERROR : Rcode.NXDOMAIN);
    return response;
  }

  private Name zoneOf(Name name) {
    return zones.stream().filter(name::subdomain).max((a, b) -> Integer.compare(a.labels(), b.labels())).orElse(null);
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
