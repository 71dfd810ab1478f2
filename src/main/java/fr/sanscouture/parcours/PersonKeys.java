package fr.sanscouture.parcours;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The keys that tell whether a person already has an active parcours: each partner identifier given
 * (CAF or MSA allocataire number, France Travail identifier) and the person's civil identity (names
 * and birth date, without accents or case), so that a person entering through two partners is one
 * person. Keys are SHA-256 digests; the NIR is never used.
 */
record PersonKeys(List<String> digests) {

  static PersonKeys of(String firstName, String lastName, LocalDate birthDate,
      String cafNumber, String msaNumber, String franceTravailId) {
    List<String> keys = allocataireKeys(cafNumber, msaNumber);
    keys.add("identite:" + normalise(lastName) + "|" + normalise(firstName) + "|" + birthDate);
    if (franceTravailId != null) {
      keys.add("france-travail:" + franceTravailId.toUpperCase(Locale.ROOT));
    }
    return digestsOf(keys);
  }

  /** The keys of an allocataire number alone, as the CAF and MSA flows identify people. */
  static PersonKeys ofAllocataire(String cafNumber, String msaNumber) {
    return digestsOf(allocataireKeys(cafNumber, msaNumber));
  }

  private static List<String> allocataireKeys(String cafNumber, String msaNumber) {
    List<String> keys = new ArrayList<>();
    if (cafNumber != null) {
      keys.add("caf:" + cafNumber);
    }
    if (msaNumber != null) {
      keys.add("msa:" + msaNumber);
    }
    return keys;
  }

  private static PersonKeys digestsOf(List<String> keys) {
    return new PersonKeys(keys.stream().map(PersonKeys::sha256).toList());
  }

  private static String normalise(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[^\\p{Alnum}]", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String sha256(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
