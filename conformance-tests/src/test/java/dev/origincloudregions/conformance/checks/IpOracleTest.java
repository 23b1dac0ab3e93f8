package dev.origincloudregions.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The suite's own IP oracle, checked against RFC 5952's examples and an independent library. */
class IpOracleTest {

  @ParameterizedTest(name = "IP2: {0} -> {1}")
  @CsvSource({
      "2001:DB8:0:0::1, 2001:db8::1",
      "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
      "0:0:0:0:0:0:0:0, ::",
      "::1, ::1",
      "1::, 1::",
      "::ffff:c000:201, ::ffff:192.0.2.1",
      "::FFFF:192.0.2.1, ::ffff:192.0.2.1",
      "64:ff9b::198.51.100.7, 64:ff9b::c633:6407",
      "192.0.2.1, 192.0.2.1",
      "0.0.0.0, 0.0.0.0"})
  void canonicalFormsFollowRfc5952(String text, String canonical) {
    assertThat(Address.canonical(text)).as("canonical of %s", text).contains(canonical);
  }

  @ParameterizedTest(name = "IP1: \"{0}\" is invalid")
  @ValueSource(strings = {"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "::g", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
      "1::2::3", "fe80::1%eth0", "192.0.2.0/24", " 192.0.2.1", "192.0.2.1 ", "[2001:db8::1]", "", "12345::1",
      "::ffff:256.0.0.1", "1:2:3:4:5:6:7:8::", ":1::", "1.2.3.\u0661", "0x7f.0.0.1"})
  void rejectsNearMisses(String text) {
    assertThat(Address.parse(text)).as("%s", text).isEmpty();
  }

  @Test
  @DisplayName("IP3: IPv4 and IPv4-mapped IPv6 are different values")
  void ipv4AndMappedDiffer() {
    assertThat(Address.parse("192.0.2.1")).isNotEqualTo(Address.parse("::ffff:192.0.2.1"));
  }

  @Test
  void everyRenderedFormParsesBackToTheSameAddress() {
    qt().withFixedSeed(7).withExamples(5000).forAll(Gens.anyV6().mix(Gens.docMapped()), Gens.form())
        .checkAssert((ip, form) -> {
          String text = AddressForms.render(ip, form);
          assertThat(Address.parse(text)).as("form %s of %s", text, ip).contains(ip);
        });
  }

  @Test
  void agreesWithAnIndependentParserOnCanonicalForms() {
    qt().withFixedSeed(11).withExamples(5000).forAll(Gens.anyV6().mix(Gens.anyV4()), Gens.form())
        .checkAssert((ip, form) -> {
          String text = AddressForms.render(ip, form);
          IPAddress other = new IPAddressString(text).getAddress();
          assertThat(other).as("the library parses %s", text).isNotNull();
          String theirs = other.isIPv6() && ip.isV4Mapped() ? "::ffff:" + ip.dottedTail()
              : other.toCanonicalString();
          assertThat(ip.toString()).as("canonical of %s", text).isEqualTo(theirs);
        });
  }

  @Test
  void nearMissesAreNeverValid() {
    qt().withFixedSeed(3).withExamples(5000).forAll(Gens.docV4().mix(Gens.docV6()).mix(Gens.docMapped()),
            Gens.nearMiss(true))
        .checkAssert((ip, kind) -> assertThat(Address.isValid(AddressForms.nearMiss(ip, kind)))
            .as("%s of %s: \"%s\"", kind, ip, AddressForms.nearMiss(ip, kind)).isFalse());
  }

  @Test
  @DisplayName("M4: IPv4 sorts before IPv6, numerically")
  void ordersIpv4BeforeIpv6Numerically() {
    List<Address> ips = new java.util.ArrayList<>(List.of(Address.parse("2001:db8::1").get(), Address.parse("::ffff:1.2.3.4").get(),
        Address.parse("192.0.2.10").get(), Address.parse("192.0.2.9").get()));
    ips.sort(Address.ORDER);
    assertThat(ips).extracting(Address::toString).containsExactly("192.0.2.9", "192.0.2.10", "::ffff:1.2.3.4",
        "2001:db8::1");
  }
}
