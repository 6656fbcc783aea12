'use strict';
// The alert list: filters, keyset paging, live updates and keyboard navigation.
(() => {
	const { el, api, severityBadge, statusBadge, time } = window.SW;
	const form = document.getElementById('filters');
	const rows = document.getElementById('alert-rows');
	const empty = document.getElementById('empty');
	const olderButton = document.getElementById('older');
	const newestButton = document.getElementById('newest');
	const banner = document.getElementById('new-banner');
	const storeBanner = document.getElementById('store-banner');
	const STORE_STATUS_EVERY_MS = 10000;
	const FIELDS = ['q', 'rule', 'severity', 'status', 'country', 'from', 'to'];
	let next = null;
	let firstPage = true;
	let unseen = 0;
	let selected = -1;

	function filters() {
		const params = new URLSearchParams();
		for (const name of FIELDS) {
			const value = form.elements[name].value.trim();
			if (value) params.set(name, value);
		}
		return params;
	}

	function row(alert) {
		const href = `/alerts/${encodeURIComponent(alert.alertId)}`;
		return el('tr', { 'data-alert-id': alert.alertId, 'data-href': href, tabindex: '-1' },
			el('td', {}, severityBadge(alert.severity)),
			el('td', { class: 'time' }, time(alert.detectedAt)),
			el('td', { title: alert.ruleTitle }, alert.ruleId),
			el('td', {},
				el('a', { class: 'row-title', href }, alert.title || alert.articleId),
				el('span', { class: 'row-sub mono' }, alert.articleId)),
			el('td', { title: alert.exposed }, alert.exposed,
				alert.exposedCountries.length ? el('span', { class: 'row-sub' }, alert.exposedCountries.join(', ')) : null),
			el('td', { title: alert.counterparties }, alert.counterparties),
			el('td', { class: 'status-cell' }, statusBadge(alert.status)));
	}

	async function load(after) {
		const params = filters();
		if (after) params.set('after', after);
		history.replaceState(null, '', `/${filters().toString() ? '?' + filters() : ''}`);
		const page = await api(`/api/alerts?${params}`);
		firstPage = !after;
		showStoreStatus(page.storeStatus);
		rows.replaceChildren(...page.alerts.map(row));
		empty.hidden = page.alerts.length > 0;
		next = page.next;
		olderButton.disabled = !next;
		newestButton.disabled = firstPage;
		selected = -1;
		unseen = 0;
		banner.hidden = true;
	}

	/** Says so while the store is behind the alert topic: the list is then not the whole truth. */
	function showStoreStatus(status) {
		if (!status || !status.behind) {
			storeBanner.hidden = true;
			storeBanner.replaceChildren();
			return;
		}
		const records = `${status.lag} record${status.lag === 1 ? '' : 's'}`;
		const parts = [
			el('strong', {}, 'The alert store is behind: '),
			`${records} published since ${time(status.since)} UTC or earlier are not stored yet, so this list may be `
				+ 'missing recent alerts until the store catches up.',
		];
		if (status.lastError) {
			parts.push(el('span', { class: 'row-sub mono' }, `Last error (${time(status.lastErrorAt)} UTC): ${status.lastError}`));
		}
		storeBanner.replaceChildren(...parts);
		storeBanner.dataset.lag = String(status.lag);
		storeBanner.hidden = false;
	}

	async function refreshStoreStatus() {
		try {
			showStoreStatus(await api('/api/store/status'));
		}
		catch (e) {
			// the next round tries again; the list itself reports its own failures
		}
	}

	/** Whether a live alert belongs in the list as filtered, judged on what the summary carries. */
	function matches(alert) {
		const f = Object.fromEntries(filters());
		if (f.rule && alert.ruleId !== f.rule) return false;
		if (f.severity && alert.severity !== f.severity) return false;
		if (f.status && alert.status !== f.status) return false;
		if (f.country && !alert.exposedCountries.includes(f.country.toUpperCase())) return false;
		const day = alert.detectedAt.slice(0, 10);
		if (f.from && day < f.from) return false;
		if (f.to && day > f.to) return false;
		if (f.q) {
			const haystack = [alert.title, alert.ruleId, alert.ruleTitle, alert.articleId, alert.exposed, alert.counterparties]
				.join(' ').toLowerCase();
			if (!haystack.includes(f.q.toLowerCase())) return false;
		}
		return true;
	}

	function onAlert(alert) {
		if (!matches(alert) || rows.querySelector(`tr[data-alert-id="${CSS.escape(alert.alertId)}"]`)) return;
		if (firstPage) {
			const tr = row(alert);
			tr.classList.add('fresh');
			rows.prepend(tr);
			empty.hidden = true;
			if (selected >= 0) selected++;
		}
		else {
			unseen++;
			banner.textContent = `${unseen} new alert${unseen === 1 ? '' : 's'}: show newest`;
			banner.hidden = false;
		}
	}

	function onDecision(decision) {
		const cell = rows.querySelector(`tr[data-alert-id="${CSS.escape(decision.alertId)}"] .status-cell`);
		if (cell) cell.replaceChildren(statusBadge(decision.toStatus));
	}

	function select(index) {
		const all = rows.querySelectorAll('tr');
		if (!all.length) return;
		selected = Math.max(0, Math.min(all.length - 1, index));
		all.forEach((tr, i) => tr.classList.toggle('selected', i === selected));
		all[selected].focus();
	}

	async function loadRules() {
		const select = document.getElementById('rule');
		const current = new URLSearchParams(location.search).get('rule');
		for (const rule of await api('/api/alerts/rules')) select.append(el('option', { value: rule }, rule));
		if (current) select.value = current;
	}

	rows.addEventListener('click', (event) => {
		if (event.target.closest('a')) return;
		const tr = event.target.closest('tr[data-href]');
		if (tr) location.assign(tr.dataset.href);
	});
	form.addEventListener('submit', (event) => { event.preventDefault(); load(null); });
	document.getElementById('clear').addEventListener('click', () => { form.reset(); load(null); });
	olderButton.addEventListener('click', () => next && load(next));
	newestButton.addEventListener('click', () => load(null));
	banner.addEventListener('click', () => load(null));
	window.SW.keys({
		j: () => select(selected + 1),
		k: () => select(selected - 1),
		Enter: () => { const tr = rows.querySelectorAll('tr')[selected]; if (tr) location.assign(tr.dataset.href); },
		'/': () => document.getElementById('q').focus(),
		n: () => load(null),
	});

	// filters come from the address, so a filtered list can be bookmarked and shared
	const initial = new URLSearchParams(location.search);
	for (const name of FIELDS) if (initial.get(name)) form.elements[name].value = initial.get(name);
	loadRules().catch(() => {});
	load(null).then(() => window.SW.live({ alert: onAlert, decision: onDecision }));
	setInterval(refreshStoreStatus, STORE_STATUS_EVERY_MS);
})();
