package fr.sanscouture.immersion;

/**
 * The SIRET of an establishment: 14 digits whose Luhn key is valid, and whose first 9 (the company's
 * SIREN) have a valid key of their own. La Poste's establishments (SIREN 356 000 000) are the one
 * exception INSEE publishes: the sum of their digits is a multiple of 5.
 */
final class Siret {

  private static final String LA_POSTE = "356000000";

  private Siret() {}

  static boolean isValid(String siret) {
    if (siret == null || !siret.matches("\\d{14}") || siret.startsWith("000000000")) {
      return false;
    }
    if (siret.startsWith(LA_POSTE) && !siret.equals("35600000000048")) {
      return siret.chars().map(c -> c - '0').sum() % 5 == 0;
    }
    return luhn(siret) && luhn(siret.substring(0, 9));
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  /** The digits of what was typed, spaces removed ("123 456 789 00012"). */
  static String normalise(String typed) {
    return typed == null ? null : typed.replaceAll("\\s", "");
  }
}
