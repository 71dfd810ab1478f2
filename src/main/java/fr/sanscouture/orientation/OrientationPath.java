package fr.sanscouture.orientation;

/** The three paths of the orientation (DOMAIN.md, step 4). */
public enum OrientationPath {
  PROFESSIONNEL,
  SOCIO_PROFESSIONNEL,
  SOCIAL
}
