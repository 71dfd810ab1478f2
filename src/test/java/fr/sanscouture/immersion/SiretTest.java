package fr.sanscouture.immersion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiretTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "73282932000074, true",
      "44306184100047, true",
      "73282932000075, false",
      "12345678900010, false",
      "7328293200007, false",
      "7328293200007A, false",
      "00000000000000, false",
      // a valid key on 14 digits, but not on the SIREN's 9
      "73282932100007, false",
      // La Poste's establishments: the sum of the digits is a multiple of 5
      "35600000049837, true",
      "35600000049838, false",
      "35600000000048, true"
  })
  void aSiretHas14DigitsAndAValidKey(String siret, boolean valid) {
    assertThat(Siret.isValid(siret)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"'732 829 320 00074', 73282932000074", "' 73282932000074 ', 73282932000074"})
  void spacesTypedInASiretAreIgnored(String typed, String digits) {
    assertThat(Siret.normalise(typed)).isEqualTo(digits);
    assertThat(Siret.isValid(Siret.normalise(typed))).isTrue();
  }
}
