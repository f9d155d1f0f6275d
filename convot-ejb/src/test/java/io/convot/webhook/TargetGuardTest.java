package io.convot.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names resolve through src/test/resources/hosts (the JDK's own resolver, pointed there by
 * surefire), so these tests ask no DNS server and connect nowhere.
 */
class TargetGuardTest {

  private final TargetGuard strict = new TargetGuard(false, false);
  private final TargetGuard onPremises = new TargetGuard(true, true);

  @ParameterizedTest
  @ValueSource(strings = {
      "https://127.0.0.1/hook",
      "https://127.8.9.10/hook",
      "https://localhost/hook",
      "https://localhost:8443/hook",
      "https://10.0.0.1/hook",
      "https://172.16.5.4/hook",
      "https://172.31.255.255/hook",
      "https://192.168.1.1/hook",
      "https://169.254.169.254/latest/meta-data/",
      "https://100.64.0.1/hook",
      "https://0.0.0.0/hook",
      "https://0.1.2.3/hook",
      "https://255.255.255.255/hook",
      "https://224.0.0.1/hook",
      "https://240.0.0.1/hook",
      "https://198.18.0.1/hook",
      "https://192.0.2.10/hook",
      "https://2130706433/hook",                  // 127.0.0.1 written as one number
      "https://[::1]/hook",
      "https://[::]/hook",
      "https://[fc00::1]/hook",
      "https://[fd12:3456::1]/hook",
      "https://[fe80::1]/hook",
      "https://[ff02::1]/hook",
      "https://[::ffff:127.0.0.1]/hook",
      "https://[::ffff:10.0.0.1]/hook",
      "https://[::ffff:169.254.169.254]/hook",
      "https://[64:ff9b::a00:1]/hook",            // NAT64 of 10.0.0.1
      "https://[2001:db8::1]/hook",
      "https://[2002:a00:1::1]/hook",
      "https://internal.example.test/hook",       // 10.1.2.3
      "https://INTERNAL.example.test/hook",
      "https://internal6.example.test/hook",      // fd12:3456::1
      "https://mixed.example.test/hook"})         // one public and one private address
  void refusesNonPublicTargets(String url) {
    assertRefused("forbidden_target", () -> strict.checkUrl(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://public.example.test/hook",
      "https://public6.example.test/hook",
      "https://93.184.215.14/hook",
      "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook",
      "https://[64:ff9b::5db8:d70e]/hook",        // NAT64 of 93.184.215.14
      "https://172.32.0.1/hook",                  // just past 172.16/12
      "https://100.128.0.1/hook"})                // just past 100.64/10
  void acceptsPublicTargets(String url) {
    assertDoesNotThrow(() -> strict.checkUrl(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1/hook",
      "http://localhost:8080/hook",
      "http://10.0.0.1/hook",
      "http://172.16.5.4/hook",
      "http://192.168.1.1/hook",
      "http://169.254.169.254/hook",
      "http://100.64.0.1/hook",
      "http://0.0.0.0/hook",
      "http://[::1]/hook",
      "http://[fc00::1]/hook",
      "http://[fe80::1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://internal.example.test/hook",
      "https://public.example.test/hook"})
  void acceptsEverythingWhenPrivateTargetsAreAllowed(String url) {
    assertDoesNotThrow(() -> onPremises.checkUrl(url));
  }

  @Test
  void refusesHttpUnlessAllowed() {
    assertRefused("scheme_not_allowed", () -> strict.checkUrl("http://public.example.test/hook"));
    assertRefused("scheme_not_allowed", () -> new TargetGuard(false, true).checkUrl("http://127.0.0.1/hook"));
    assertEquals(URI.create("http://public.example.test/hook"),
        new TargetGuard(true, false).checkUrl("http://public.example.test/hook"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "public.example.test/hook", "//public.example.test/hook", "/hook", "ftp://public.example.test/",
      "file:///etc/passwd", "javascript:alert(1)", "mailto:dev@public.example.test", "https://",
      "https:///hook", "https://public.example.test:0/", "https://public.example.test:99999/",
      "https://public example.test/", "https://under_score.example.test/"})
  void refusesWhatIsNotAnAbsoluteHttpsUrl(String url) {
    assertRefused("invalid_url", () -> strict.checkUrl(url));
  }

  @Test
  void refusesAMissingOrOverlongUrl() {
    assertRefused("invalid_url", () -> strict.checkUrl(null));
    assertRefused("invalid_url", () -> strict.checkUrl("https://public.example.test/" + "a".repeat(2000)));
  }

  @Test
  void refusesCredentialsInTheUrl() {
    assertRefused("userinfo_not_allowed", () -> strict.checkUrl("https://user:secret@public.example.test/hook"));
    assertRefused("userinfo_not_allowed", () -> onPremises.checkUrl("https://user@127.0.0.1/hook"));
  }

  @Test
  void refusesAHostThatDoesNotResolve() {
    assertRefused("unknown_host", () -> strict.checkUrl("https://nowhere.example.test/hook"));
    assertRefused("unknown_host", () -> onPremises.checkUrl("https://nowhere.example.test/hook"));
  }

  @Test
  void normalizesSchemeAndHostAndDropsTheFragment() {
    assertEquals(URI.create("https://public.example.test:8443/a%20b/hook?x=1&y=%2F"),
        strict.checkUrl("  HTTPS://Public.Example.TEST:8443/a%20b/hook?x=1&y=%2F#top "));
    assertEquals(URI.create("https://public.example.test/"), strict.checkUrl("https://public.example.test"));
  }

  @Test
  void checksEveryAddressAtConnectTime() throws Exception {
    InetAddress publicAddress = InetAddress.getByName("93.184.215.14");
    InetAddress metadata = InetAddress.getByName("169.254.169.254");

    assertDoesNotThrow(() -> strict.checkAddresses("hook.example", new InetAddress[] {publicAddress}));
    assertRefused("forbidden_target",
        () -> strict.checkAddresses("hook.example", new InetAddress[] {publicAddress, metadata}));
    assertRefused("unknown_host", () -> strict.checkAddresses("hook.example", new InetAddress[0]));
    assertDoesNotThrow(() -> onPremises.checkAddresses("hook.example", new InetAddress[] {metadata}));
  }

  @Test
  void refusalNamesTheHostAndTheAddress() {
    ConvotException refused = assertThrows(ConvotException.class,
        () -> strict.checkUrl("https://internal.example.test/hook"));

    assertEquals("internal.example.test resolves to 10.1.2.3, which is not a public internet address",
        refused.fieldErrors().get(0).message());
  }

  private static void assertRefused(String code, org.junit.jupiter.api.function.Executable check) {
    ConvotException refused = assertThrows(ConvotException.class, check);
    assertEquals(ErrorCode.VALIDATION_FAILED, refused.errorCode());
    assertEquals(1, refused.fieldErrors().size(), refused.fieldErrors()::toString);
    FieldError error = refused.fieldErrors().get(0);
    assertEquals("url", error.field());
    assertEquals(code, error.code(), error::toString);
  }
}
