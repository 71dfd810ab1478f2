// Sans Couture: Tasklist speaks French (locales/fr.json), whatever the browser's language; the Camunda
// Forms' own messages are put into French and the task list sorts what is urgent first (sans-couture/).
export default {
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },
  customScripts: [
    'sans-couture/french-messages',
    'sans-couture/urgent-first'
  ],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prendre la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'aller au premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'aller à la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'aller au premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvrir la fenêtre de démarrage d\'un processus'
    }
  }
};
