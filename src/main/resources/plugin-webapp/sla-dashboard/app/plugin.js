// Tableau de bord des délais du parcours : point d'extension « cockpit.dashboard ».
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const DAYS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

function share(s) {
  return s.total === 0 ? '—' : `${PERCENT.format(s.onTime / s.total)} (${s.onTime}/${s.total})`;
}

function days(value) {
  return value == null ? '—' : `${DAYS.format(value)} j`;
}

function cell(row, text, tag = 'td') {
  const element = document.createElement(tag);
  element.textContent = text;
  row.appendChild(element);
  return element;
}

function table(title, rows, withOrientation) {
  const section = document.createElement('section');
  const heading = document.createElement('h4');
  heading.textContent = title;
  section.appendChild(heading);
  const grid = document.createElement('table');
  grid.className = 'table table-bordered table-condensed sla-table';
  const head = grid.createTHead().insertRow();
  const columns = ['', 'Parcours entrés', 'Tâches en retard', 'Escalades en cours', 'Accueils en moins d\'un mois',
    'Délai médian d\'accueil'];
  if (withOrientation) {
    columns.push('Orientations en moins de 6 semaines', 'Délai médian d\'orientation');
  }
  columns.push('Contrats en moins d\'un mois', 'Délai médian du contrat');
  columns.forEach(column => cell(head, column, 'th'));
  const body = grid.createTBody();
  rows.forEach(row => {
    const line = body.insertRow();
    cell(line, row.name, 'th');
    cell(line, row.parcoursEntered);
    cell(line, row.overdueTasks).className = row.overdueTasks > 0 ? 'sla-late' : '';
    cell(line, row.openEscalations).className = row.openEscalations > 0 ? 'sla-late' : '';
    cell(line, share(row.receptionsWithinAMonth));
    cell(line, days(row.medianReceptionDays));
    if (withOrientation) {
      cell(line, share(row.orientationsWithinSixWeeks));
      cell(line, days(row.medianOrientationDays));
    }
    cell(line, share(row.contractsWithinAMonth));
    cell(line, days(row.medianContractDays));
  });
  section.appendChild(grid);
  return section;
}

export default {
  id: 'sla-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node, { api }) => {
    node.innerHTML = `
      <div class="sla-dashboard">
        <h3>Délais du parcours</h3>
        <form>
          <label>Entrées du <input type="date" name="from"></label>
          <label>au <input type="date" name="to"></label>
          <button type="submit" class="btn btn-default">Afficher</button>
        </form>
        <div class="sla-figures">Chargement…</div>
      </div>`;
    const form = node.querySelector('form');
    const figures = node.querySelector('.sla-figures');
    const load = () => {
      const query = new URLSearchParams();
      if (form.from.value) { query.set('from', form.from.value); }
      if (form.to.value) { query.set('to', form.to.value); }
      fetch(`${api.cockpitApi}/plugin/sla-dashboard/${api.engine}/figures?${query}`, {
        headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
      })
        .then(response => response.ok ? response.json() : Promise.reject(response.status))
        .then(report => {
          form.from.value = report.from;
          form.to.value = report.to;
          figures.replaceChildren(
            table('Par bassin d\'emploi', report.rows.filter(row => row.scope === 'BASSIN'), true),
            table('Par structure', report.rows.filter(row => row.scope === 'STRUCTURE'), false));
        })
        .catch(status => { figures.textContent = `Les chiffres ne peuvent pas être affichés (${status}).`; });
    };
    form.addEventListener('submit', event => { event.preventDefault(); load(); });
    load();
  }
};
