// The task list opens sorted by priority, then by due date: what is urgent comes first. A user who
// picks another order in Tasklist keeps it (it is in the address).
const URGENT_FIRST = JSON.stringify([
  { sortBy: 'priority', sortOrder: 'desc' },
  { sortBy: 'dueDate', sortOrder: 'asc' }
]);

function sortUrgentFirst() {
  const [path, query = ''] = window.location.hash.replace(/^#!?/, '').split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', URGENT_FIRST);
  window.location.replace(`#/?${params}`);
}

window.addEventListener('hashchange', sortUrgentFirst);
sortUrgentFirst();

export default [];
