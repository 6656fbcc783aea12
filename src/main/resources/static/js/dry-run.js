'use strict';
// The dry run: screens a pasted text through POST /api/screen and shows what would fire, evidence highlighted.
(() => {
	const { el, api, severityBadge, highlight } = window.SW;
	const form = document.getElementById('dry-run');
	const result = document.getElementById('dry-run-result');

	function card(alert, title, body) {
		const field = (f) => alert.evidence.concat(alert.titleEvidence).filter((s) => s.field === f);
		const names = (f) => alert.matches.filter((m) => m.field === f);
		return el('article', { class: 'panel dry-run-alert' },
			el('div', { class: 'meta' }, severityBadge(alert.severity), el('strong', {}, alert.ruleId), el('span', {}, alert.ruleTitle)),
			el('p', { class: 'citation hint' }, alert.citation),
			el('p', {}, el('strong', {}, alert.exposedParties.map((p) => p.name).join(', ')), ' ← ',
				el('strong', {}, alert.counterparties.map((p) => p.name).join(', ')),
				alert.systems.length ? `: ${alert.systems.map((s) => s.name).join(', ')}` : ''),
			title ? el('p', { class: 'article-title' }, highlight(title, field('title'), names('title'))) : null,
			el('div', { class: 'article-body' }, highlight(body, field('body'), names('body'))));
	}

	async function screen() {
		const title = form.elements.title.value;
		const body = form.elements.body.value;
		if (!body.trim()) return;
		result.replaceChildren(el('p', { class: 'muted' }, 'Screening…'));
		try {
			const answer = await api('/api/screen', { method: 'POST', body: title.trim() ? { title, body } : { body } });
			result.replaceChildren(
				el('p', { class: 'hint' }, `Ruleset ${answer.rulesetVersion} · ${answer.transactions.length} transaction${answer.transactions.length === 1 ? '' : 's'} found · ${answer.alerts.length} alert${answer.alerts.length === 1 ? '' : 's'} would fire`),
				...(answer.alerts.length === 0 ? [el('p', { class: 'notice', id: 'nothing-fires' }, 'Nothing would fire.')]
					: answer.alerts.map((a) => card(a, title, body))));
		}
		catch (error) {
			result.replaceChildren(el('p', { class: 'notice error' }, error.message));
		}
	}

	form.addEventListener('submit', (event) => { event.preventDefault(); screen(); });
	form.elements.body.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); screen(); }
	});
	window.SW.live({});
})();
