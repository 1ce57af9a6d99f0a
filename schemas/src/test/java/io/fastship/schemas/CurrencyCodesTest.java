package io.fastship.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrencyCodesTest {

    @ParameterizedTest(name = "''{0}'': well-formed {1}, ISO 4217 {2}")
    @CsvSource(nullValues = "null", value = {
            "EUR, true, true",
            "JPY, true, true",
            "XYZ, true, false",
            "eur, false, false",
            "EURO, false, false",
            "E1R, false, false",
            "'', false, false",
            "null, false, false"})
    void checksTheShapeAndThenTheCurrency(String code, boolean wellFormed, boolean iso) {
        assertThat(CurrencyCodes.isWellFormed(code)).isEqualTo(wellFormed);
        assertThat(CurrencyCodes.isIso4217(code)).isEqualTo(iso);
    }
}
