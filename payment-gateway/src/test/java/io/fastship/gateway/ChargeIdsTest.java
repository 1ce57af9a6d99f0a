package io.fastship.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Ids derived from a key's hash, the keys' hashes and the canonical UUID text they rest on. */
class ChargeIdsTest {

    @Test
    void shouldReadTheKeyHashBackFromADerivedChargeIdOnly() {
        long keyHash = ChargeKeys.hash("charge-" + UUID.randomUUID());
        String chargeId = ChargeIds.chargeId(keyHash);

        assertThat(ChargeIds.keyHashOf(chargeId)).isEqualTo(keyHash);
        assertThat(UUID.fromString(chargeId.substring(3)).version()).isEqualTo(8);
        assertThat(ChargeIds.keyHashOf("ch_" + UUID.randomUUID())).isEqualTo(-1);
        assertThat(ChargeIds.keyHashOf(ChargeIds.refundId(keyHash))).isEqualTo(-1);
        assertThat(ChargeIds.refundId(keyHash)).startsWith("re_").isNotEqualTo(ChargeIds.refundId(keyHash + 1));
    }

    @Test
    void shouldHashAKeyByItsTextAlone() {
        UUID order = UUID.randomUUID();

        assertThat(ChargeKeys.hash("charge-" + order)).isEqualTo(ChargeKeys.hashOfOrderKey(
                order.getMostSignificantBits(), order.getLeastSignificantBits()));
        assertThat(ChargeKeys.hash("charge-" + order) & ~ChargeKeys.HASH_BITS).isZero();
        assertThat(ChargeKeys.hash("k-1") & ~ChargeKeys.HASH_BITS).isZero();
        assertThat(ChargeKeys.isKeyOfOrder("charge-o-1", "o-1")).isTrue();
        assertThat(ChargeKeys.isKeyOfOrder("charge-o-1", "-1")).isFalse();
    }

    @Test
    void shouldParseOnlyTheTextUuidToStringWrites() {
        UUID uuid = UUID.randomUUID();

        assertThat(CanonicalUuid.parse(uuid.toString(), 0)).isEqualTo(uuid);
        assertThat(CanonicalUuid.parse("charge-" + uuid, 7)).isEqualTo(uuid);
        assertThat(CanonicalUuid.parse(new UUID(0, 0).toString(), 0)).isEqualTo(new UUID(0, 0));
        assertThat(CanonicalUuid.parse(uuid.toString().toUpperCase(), 0)).isNull();
        assertThat(CanonicalUuid.parse(uuid.toString().replace('-', '_'), 0)).isNull();
        assertThat(CanonicalUuid.parse("1-1-1-1-1", 0)).isNull();
        assertThat(CanonicalUuid.parse(uuid + "0", 0)).isNull();
        assertThat(CanonicalUuid.parse("", 0)).isNull();
    }
}
