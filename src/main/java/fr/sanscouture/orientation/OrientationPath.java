package fr.sanscouture.orientation;

/** The three paths a person is oriented to: professional, socio-professional, social. */
public enum OrientationPath {
  PROFESSIONNEL,
  SOCIO_PROFESSIONNEL,
  SOCIAL
}
