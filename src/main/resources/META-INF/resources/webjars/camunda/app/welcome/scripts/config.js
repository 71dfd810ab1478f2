// Sans Couture: the webapp speaks French (locales/fr.json), whatever the browser's language.
export default {
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  }
};
