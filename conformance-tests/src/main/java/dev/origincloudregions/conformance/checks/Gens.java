package dev.origincloudregions.conformance.checks;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators shared by the checks. Every one shrinks toward small, plain values. */
final class Gens {
  private Gens() {}

  /** Documentation IPv4: 192.0.2.x, 198.51.100.x, 203.0.113.x. */
  static Gen<Address> docV4() {
    return integers().between(0, 2).zip(integers().between(0, 255), (r, x) -> r == 0 ? Address.v4(192, 0, 2, x)
        : r == 1 ? Address.v4(198, 51, 100, x) : Address.v4(203, 0, 113, x));
  }

  /** A 16-bit group that is zero half the time, so every compression choice occurs. */
  static Gen<Integer> group() {
    return Generate.frequency(Pair.of(5, Generate.constant(0)), Pair.of(2, integers().between(1, 0xff)),
        Pair.of(3, integers().between(0, 0xffff)));
  }

  /** Documentation IPv6: 2001:db8::/32. */
  static Gen<Address> docV6() {
    return lists().of(group()).ofSize(6).map(g -> Address.v6(new int[] {0x2001, 0xdb8, g.get(0), g.get(1), g.get(2),
        g.get(3), g.get(4), g.get(5)}));
  }

  /** IPv4-mapped documentation IPv4 ({@code ::ffff:192.0.2.x}); distinct from the IPv4 (IP3, [ref]). */
  static Gen<Address> docMapped() {
    return docV4().map(v4 -> {
      byte[] b = v4.bytes();
      int[] g = {0, 0, 0, 0, 0, 0xffff, ((b[0] & 0xff) << 8) | (b[1] & 0xff), ((b[2] & 0xff) << 8) | (b[3] & 0xff)};
      return Address.v6(g);
    });
  }

  /** Any address, for disposable zones (--allow-any-address). */
  static Gen<Address> anyV4() {
    return lists().of(integers().between(0, 255)).ofSize(4).map(o -> Address.v4(o.get(0), o.get(1), o.get(2), o.get(3)));
  }

  static Gen<Address> anyV6() {
    return lists().of(group()).ofSize(8).map(g -> Address.v6(g.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Addresses a run may create: documentation ones, IPv4-mapped only under the reference profile. */
  static Gen<Address> address(Target t) {
    Gen<Address> v4 = t.options.allowAnyAddress() ? docV4().mix(anyV4()) : docV4();
    Gen<Address> v6 = t.options.allowAnyAddress() ? docV6().mix(anyV6()) : docV6();
    if (!t.reference) {
      return Generate.frequency(Pair.of(4, v4), Pair.of(6, v6));
    }
    return Generate.frequency(Pair.of(4, v4), Pair.of(5, v6), Pair.of(1, docMapped()));
  }

  /** A text form: 0 (canonical) a third of the time, which is also where it shrinks to. */
  static Gen<Long> form() {
    return Generate.frequency(Pair.of(1, Generate.constant(0L)), Pair.of(2, Generate.longRange(1, Long.MAX_VALUE)));
  }

  /** Batch sizes with the edges 0, 1, 99 and 100 (valid batches). */
  static Gen<Integer> batchSize() {
    return Generate.frequency(Pair.of(3, Generate.pick(List.of(0, 1, 99, 100))), Pair.of(7, integers().between(0, 30)),
        Pair.of(2, integers().between(31, 100)));
  }

  /** Sizes beyond the limit: 101 and more. */
  static Gen<Integer> oversize() {
    return Generate.frequency(Pair.of(3, Generate.constant(101)), Pair.of(1, Generate.pick(List.of(102, 150, 200, 1000))),
        Pair.of(2, integers().between(101, 400)));
  }

  static Gen<AddressForms.NearMiss> nearMiss(boolean reference) {
    return Generate.pick(AddressForms.NearMiss.forProfile(reference));
  }

  static Gen<Integer> index() {
    return integers().between(0, 1_000_000);
  }
}
