'use strict';
// One alert: the article with its evidence highlighted, why it fired, and triage.
(() => {
	const { el, api, ApiError, severityBadge, statusBadge, time, highlight } = window.SW;
	const root = document.getElementById('alert-root');
	const alertId = document.getElementById('detail').dataset.alertId;
	const ACTIONS = [
		{ action: 'ACKNOWLEDGE', label: 'Acknowledge', key: 'a' },
		{ action: 'ESCALATE', label: 'Escalate', key: 'e' },
		{ action: 'DISMISS', label: 'Dismiss as false positive', key: 'd' },
		{ action: 'REOPEN', label: 'Reopen', key: 'r' },
	];
	let current = null;

	/** The alert may reach this page through the live feed a moment before the store has written it. */
	async function fetchDetail(attempt = 0) {
		try {
			return await api(`/api/alerts/${encodeURIComponent(alertId)}`);
		}
		catch (error) {
			if (error instanceof ApiError && error.status === 404 && attempt < 15) {
				root.replaceChildren(el('p', { class: 'muted' }, 'Waiting for the alert store…'));
				await new Promise((resolve) => setTimeout(resolve, 1000));
				return fetchDetail(attempt + 1);
			}
			throw error;
		}
	}

	function party(p) {
		return el('li', {},
			el('strong', {}, p.name), p.country ? ` (${p.country})` : '', el('span', { class: 'muted' }, ` · ${p.basis}`),
			p.reason ? el('div', { class: 'hint' }, p.reason) : null,
			p.lists.length ? el('div', {}, p.lists.map((l) => el('span', { class: 'chip', title: l.programs.join(', ') },
				`${l.list}: ${l.entryName} (${l.entryId})`))) : null);
	}

	function article(detail) {
		const alert = detail.alert;
		const evidence = (field) => alert.evidence.concat(alert.titleEvidence).filter((s) => s.field === field);
		const names = (field) => alert.matches.filter((m) => m.field === field);
		const body = detail.article ? detail.article.body : null;
		const title = detail.article?.title ?? alert.title;
		// the article's own language, so that the browser and screen readers read Cyrillic text as Russian
		const lang = /^[a-z]{2,3}$/.test(alert.language || '') ? alert.language : 'und';
		return el('section', { class: 'panel', 'aria-label': 'Article' },
			el('h2', {}, 'Article'),
			el('p', { class: 'article-title', id: 'article-title', lang }, title ? highlight(title, evidence('title'), names('title')) : alert.articleId),
			el('div', { class: 'meta' },
				el('span', { class: 'mono' }, alert.articleId),
				el('span', { id: 'article-language' }, `language: ${alert.language}`),
				alert.source ? el('span', {}, alert.source) : null,
				alert.publishedAt ? el('span', {}, `published ${time(alert.publishedAt)}`) : null,
				alert.url && /^https?:\/\//i.test(alert.url) ? el('a', { href: alert.url, rel: 'noopener noreferrer', target: '_blank' }, 'source ↗') : null),
			body !== null
				? el('div', { class: 'article-body', id: 'article-body', lang }, highlight(body, evidence('body'), names('body')))
				: el('div', { id: 'article-body' },
					el('p', { class: 'notice' }, 'The article text has not reached the store; the evidence sentences:'),
					el('ul', {}, alert.evidence.map((s) => el('li', {}, el('mark', { class: 'evidence' }, s.text))))));
	}

	function why(detail) {
		const alert = detail.alert;
		return el('section', { class: 'panel', 'aria-label': 'Why it fired' },
			el('h2', {}, 'Why it fired'),
			el('dl', { class: 'facts' },
				el('dt', {}, 'Rule'), el('dd', {}, el('strong', {}, alert.ruleId), ` ${alert.ruleTitle} (v${alert.ruleVersion})`),
				el('dt', {}, 'Legal citation'), el('dd', { class: 'citation' }, alert.citation),
				el('dt', {}, 'Stage'), el('dd', {}, alert.stage),
				el('dt', {}, 'Transaction'), el('dd', {}, alert.transactionKinds.join(', ')),
				el('dt', {}, 'Score'), el('dd', {}, alert.score.toFixed(2)),
				el('dt', {}, 'Ruleset'), el('dd', { class: 'mono' }, alert.rulesetVersion)),
			el('h3', {}, 'Exposed'), el('ul', {}, alert.exposedParties.map(party)),
			el('h3', {}, 'Counterparties'), el('ul', {}, alert.counterparties.map(party)),
			alert.systems.length ? [el('h3', {}, 'Systems'), el('ul', {}, alert.systems.map((s) => el('li', {},
				el('strong', {}, s.name), el('span', { class: 'muted' }, ` · ${s.category}${s.maker ? ', ' + s.maker : ''}`))))] : null,
			el('h3', {}, 'Matched names'),
			el('table', { class: 'compact', id: 'matches' },
				el('thead', {}, el('tr', {}, el('th', {}, 'In the text'), el('th', {}, 'Entry'), el('th', {}, 'Lists'))),
				el('tbody', {}, alert.matches.map((m) => el('tr', {},
					el('td', {}, m.text),
					el('td', {}, m.entryName, el('div', { class: 'hint mono' }, m.entryId)),
					el('td', {}, m.lists.map((l) => el('span', { class: 'chip', title: l.programs.join(', ') }, `${l.list} ${l.entryId}`))))))));
	}

	function triage(detail) {
		const section = el('section', { class: 'panel triage', 'aria-label': 'Triage' }, el('h2', {}, 'Triage'));
		if (!window.SW.canTriage()) {
			section.append(el('p', { class: 'muted', id: 'read-only' }, 'You have read-only access: triage needs the ANALYST role.'));
			return section;
		}
		const comment = el('textarea', { id: 'comment', rows: 3, maxlength: 2000, placeholder: 'Comment (required): why this decision?' });
		const message = el('p', { class: 'message', role: 'status' });
		const buttons = ACTIONS.map(({ action, label, key }) => el('button', {
			type: 'button', class: action === 'ESCALATE' ? 'primary' : 'secondary', 'data-action': action,
			disabled: !detail.allowedActions.includes(action), title: `Alt+${key.toUpperCase()}`,
			onclick: () => decide(action, comment, message),
		}, label));
		section.append(el('label', { for: 'comment', class: 'hint' }, 'Comment'), comment, el('div', { class: 'actions' }, buttons), message);
		return section;
	}

	async function decide(action, comment, message) {
		if (!comment.value.trim()) {
			message.className = 'message error';
			message.textContent = 'Write a comment first: every decision is kept with its reason.';
			comment.focus();
			return;
		}
		try {
			await api(`/api/alerts/${encodeURIComponent(alertId)}/decisions`, { method: 'POST', body: { action, comment: comment.value } });
			await refresh();
			const after = document.querySelector('.triage .message');
			if (after) after.textContent = 'Decision recorded.';
		}
		catch (error) {
			message.className = 'message error';
			message.textContent = error.message;
		}
	}

	function trail(detail) {
		return el('section', { class: 'panel', 'aria-label': 'Audit trail' },
			el('h2', {}, 'Audit trail'),
			detail.decisions.length === 0 ? el('p', { class: 'muted' }, 'No decisions yet.')
				: el('ol', { class: 'trail', id: 'trail' }, detail.decisions.map((d) => el('li', {},
					el('div', {}, el('strong', {}, d.actor), ` ${d.action.toLowerCase()}: `, statusBadge(d.fromStatus), ' → ', statusBadge(d.toStatus)),
					el('div', { class: 'hint' }, time(d.decidedAt) + ' UTC'),
					el('p', { class: 'comment' }, d.comment)))));
	}

	function render(detail) {
		current = detail;
		const alert = detail.alert;
		const summary = detail.summary;
		root.replaceChildren(
			el('div', { class: 'detail-head' },
				el('div', { class: 'meta' }, severityBadge(alert.severity), el('span', { id: 'status' }, statusBadge(summary.status)),
					el('span', {}, `${alert.ruleId} · detected ${time(summary.detectedAt)} UTC`),
					el('a', { href: `/cases/${encodeURIComponent(summary.caseId)}`, id: 'case-link' },
						`Case: ${detail.caseAlerts} article${detail.caseAlerts === 1 ? '' : 's'}`)),
				el('h1', { id: 'alert-heading' }, `${summary.exposed} ← ${summary.counterparties}`,
					alert.systems.length ? `: ${alert.systems.map((s) => s.name).join(', ')}` : '')),
			el('div', { class: 'detail-grid' },
				el('div', { class: 'stack' }, article(detail), trail(detail)),
				el('div', { class: 'stack' }, triage(detail), why(detail))));
	}

	async function refresh() {
		render(await fetchDetail());
	}

	window.SW.keys({ Escape: () => location.assign('/') });
	document.addEventListener('keydown', (event) => {
		if (!event.altKey || !current) return;
		const match = ACTIONS.find((a) => a.key === event.key.toLowerCase());
		const button = match && document.querySelector(`button[data-action="${match.action}"]`);
		if (button && !button.disabled) {
			event.preventDefault();
			button.click();
		}
	});
	refresh()
		.then(() => window.SW.live({ decision: (d) => { if (d.alertId === alertId) refresh(); } }))
		.catch((error) => root.replaceChildren(el('p', { class: 'notice error' }, error.message)));
})();
