// English text that Tasklist's translation does not reach is put into French as it appears: the
// messages of the Camunda Forms (form-js) and of their date picker. (The application's refusals reach
// Tasklist as their French sentence alone: api.EngineErrors.)
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const JOURS = ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'];

// the date picker's months and days, inside its calendar only
const CALENDAR = [
  [/^(January|February|March|April|May|June|July|August|September|October|November|December)$/,
    month => MOIS[MONTHS.indexOf(month)]],
  [/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)$/, day => JOURS[DAYS.indexOf(day)]]
];

const MESSAGES = [
  [/^Field is required\.$/, () => 'Ce champ est obligatoire.'],
  [/^Field must have minimum length of (\d+)\.$/, n => `Ce champ doit contenir au moins ${n} caractères.`],
  [/^Field must have maximum length of (\d+)\.$/, n => `Ce champ doit contenir au plus ${n} caractères.`],
  [/^Field must have minimum value of (.+)\.$/, v => `La valeur doit être au moins ${v}.`],
  [/^Field must have maximum value of (.+)\.$/, v => `La valeur doit être au plus ${v}.`],
  [/^Field must match pattern (.+)\.$/, p => `Le format attendu n'est pas respecté (${p}).`],
  [/^Field must be a valid email\.$/, () => 'Adresse électronique invalide.'],
  [/^Field must be a valid\s+international phone number\./, () => 'Numéro de téléphone international invalide (par exemple +33612345678).'],
  [/^Date must match pattern/, () => 'Date invalide.'],
  [/^Time must match pattern/, () => 'Heure invalide.'],
  [/^Search$/, () => 'Rechercher'],
  [/^Select$/, () => 'Choisir']
];

function french(text, messages = MESSAGES) {
  const trimmed = text.trim();
  for (const [english, translation] of messages) {
    const match = trimmed.match(english);
    if (match) {
      return translation(...match.slice(1));
    }
  }
  return null;
}

function translate(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    const translated = parent && (parent.closest('.flatpickr-calendar') ? french(node.data, CALENDAR)
      : parent.closest('.fjs-container') && french(node.data));
    if (translated) {
      node.data = translated;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  node.querySelectorAll('.fjs-container [placeholder]').forEach(input => {
    const translated = french(input.getAttribute('placeholder'));
    if (translated) {
      input.setAttribute('placeholder', translated);
    }
  });
  const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    translate(text);
  }
}

new MutationObserver(changes => changes.forEach(change => {
  if (change.type === 'characterData') {
    translate(change.target);
  } else {
    change.addedNodes.forEach(translate);
  }
})).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
