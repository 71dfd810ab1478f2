// Onglet « Parcours » à côté d'une tâche : point d'extension « tasklist.task.detail ».
const DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

function day(iso) {
  return iso ? DAY.format(new Date(iso)) : '';
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text != null) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function section(title, items, render, empty) {
  const block = element('section', null, 'timeline-section');
  block.appendChild(element('h4', title));
  if (items.length === 0) {
    block.appendChild(element('p', empty, 'text-muted'));
    return block;
  }
  const list = element('ul', null, 'timeline-list');
  items.forEach(item => list.appendChild(render(item)));
  block.appendChild(list);
  return block;
}

function step(item) {
  const line = element('li', null, `timeline-${item.kind}` + (item.endedAt ? '' : ' timeline-open'));
  line.appendChild(element('span', day(item.startedAt), 'timeline-date'));
  line.appendChild(element('span', item.name, 'timeline-name'));
  const details = [];
  if (item.organisation) {
    details.push(item.organisation);
  }
  if (item.cancelled) {
    details.push(`interrompu le ${day(item.endedAt)}`);
  } else if (item.endedAt) {
    details.push(`terminé le ${day(item.endedAt)}` + (item.doneBy ? ` par ${item.doneBy}` : ''));
  } else {
    details.push('en cours' + (item.dueAt ? `, échéance le ${day(item.dueAt)}` : ''));
  }
  line.appendChild(element('span', details.join(' · '), 'timeline-details'));
  return line;
}

function summary(timeline) {
  const facts = element('dl', null, 'dl-horizontal timeline-summary');
  [
    ['Personne', timeline.person],
    ['Parcours', timeline.parcoursId],
    ['Entrée le', day(timeline.enteredAt) || '—'],
    ['Structure en charge', timeline.organisationInCharge || '—'],
    ['Référent unique', timeline.leadReferent || 'pas encore désigné'],
    ['Structures impliquées', timeline.organisations.join(', ') || '—']
  ].forEach(([label, value]) => {
    facts.appendChild(element('dt', label));
    facts.appendChild(element('dd', value));
  });
  return facts;
}

function show(node, timeline) {
  node.replaceChildren(
    summary(timeline),
    section('Étapes', timeline.steps, step, 'Aucune étape que vous puissiez lire.'),
    section('Points d\'étape ouverts', timeline.openMilestones, step, 'Aucun point d\'étape ouvert.'),
    section('Immersions', timeline.immersions, immersion => element('li',
      `${immersion.company || 'Entreprise à préciser'}` + (immersion.job ? ` – ${immersion.job}` : '')
      + (immersion.from ? ` – du ${day(immersion.from)} au ${day(immersion.to)}` : '') + ` – ${immersion.outcome}`),
      'Aucune immersion.'),
    section('Escalades', timeline.escalations, escalation => element('li',
      `${day(escalation.raisedAt)} – ${escalation.task}` + (escalation.level ? ` (${escalation.level})` : '')
      + (escalation.closedAt ? ` – close le ${day(escalation.closedAt)}` : ' – en cours'),
      escalation.closedAt ? '' : 'timeline-open'), 'Aucune escalade.'));
}

export default {
  id: 'parcours-timeline',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  label: 'Parcours',
  render: (node, { api, taskId }) => {
    node.innerHTML = '<div class="parcours-timeline">Chargement du parcours…</div>';
    const target = node.querySelector('.parcours-timeline');
    fetch(`${api.tasklistApi}/plugin/parcours-timeline/${api.engine}/task/${taskId}`, {
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
    })
      .then(response => response.ok ? response.json() : Promise.reject(response.status))
      .then(timeline => show(target, timeline))
      .catch(status => {
        target.textContent = status === 404
          ? 'Ce parcours ne vous est pas accessible.'
          : 'Le parcours n\'a pas pu être chargé. Réessayez dans un instant.';
      });
  }
};
