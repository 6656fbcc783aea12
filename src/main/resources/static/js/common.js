'use strict';
// Shared helpers. Untrusted text (article titles and bodies, names) only ever reaches the page as text nodes:
// nothing here, or in the page scripts, assigns innerHTML.
window.SW = (() => {
	const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
	const csrfToken = meta('_csrf');
	const csrfHeader = meta('_csrf_header');

	/** Builds an element: el('td', {class: 'x', title: 'y'}, 'text', otherNode). Strings become text nodes. */
	function el(tag, attributes, ...children) {
		const element = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes || {})) {
			if (value === null || value === undefined || value === false) continue;
			if (name === 'class') element.className = value;
			else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
			else element.setAttribute(name, value === true ? '' : String(value));
		}
		for (const child of children.flat()) {
			if (child === null || child === undefined || child === false) continue;
			element.append(child instanceof Node ? child : document.createTextNode(String(child)));
		}
		return element;
	}

	class ApiError extends Error {
		constructor(status, detail) {
			super(detail || `HTTP ${status}`);
			this.status = status;
		}
	}

	async function api(path, options = {}) {
		const headers = { Accept: 'application/json', ...(options.headers || {}) };
		const method = (options.method || 'GET').toUpperCase();
		if (method !== 'GET' && csrfToken && csrfHeader) headers[csrfHeader] = csrfToken;
		let body = options.body;
		if (body !== undefined && typeof body !== 'string') {
			body = JSON.stringify(body);
			headers['Content-Type'] = 'application/json';
		}
		const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
		if (response.status === 401) {
			window.location.assign('/login');
			throw new ApiError(401, 'Logged out');
		}
		const json = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
		if (!response.ok) throw new ApiError(response.status, json?.detail || json?.title);
		return json;
	}

	const severityBadge = (severity) => el('span', { class: `badge sev-${String(severity).toLowerCase()}` }, severity);
	const STATUS_LABELS = { OPEN: 'Open', ACKNOWLEDGED: 'Acknowledged', ESCALATED: 'Escalated', DISMISSED: 'Dismissed' };
	const statusBadge = (status) => el('span', { class: `badge status st-${String(status).toLowerCase()}`, 'data-status': status },
		STATUS_LABELS[status] || status);

	/** 2026-03-02 09:00 (UTC), sortable and unambiguous for teams in several time zones. */
	function time(iso) {
		if (!iso) return '';
		const d = new Date(iso);
		const pad = (n) => String(n).padStart(2, '0');
		return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
	}

	/**
	 * The text with evidence spans as <mark class="evidence"> and matched names as <span class="name">, built
	 * from character offsets. Spans may overlap: the text is cut at every span boundary, and each piece gets the
	 * kinds of all spans covering it.
	 */
	function highlight(text, evidence, names) {
		const spans = [];
		for (const s of evidence || []) spans.push({ start: s.start, end: s.end, kind: 'evidence' });
		for (const s of names || []) spans.push({ start: s.start, end: s.end, kind: 'name' });
		const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end
			&& s.start >= 0 && s.end <= text.length);
		const cuts = new Set([0, text.length]);
		valid.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
		const points = [...cuts].sort((a, b) => a - b);
		const fragment = document.createDocumentFragment();
		for (let i = 0; i + 1 < points.length; i++) {
			const [from, to] = [points[i], points[i + 1]];
			const piece = text.slice(from, to);
			const kinds = new Set(valid.filter((s) => s.start <= from && s.end >= to).map((s) => s.kind));
			let node = document.createTextNode(piece);
			if (kinds.has('name')) node = el('span', { class: 'name' }, node);
			if (kinds.has('evidence')) node = el('mark', { class: 'evidence' }, node);
			fragment.append(node);
		}
		return fragment;
	}

	/** The live feed (server-sent events); the browser reconnects by itself when the stream drops. */
	function live(handlers) {
		const indicator = document.getElementById('live');
		const source = new EventSource('/api/alerts/stream');
		const setState = (on) => {
			if (!indicator) return;
			indicator.classList.toggle('on', on);
			indicator.textContent = on ? 'Live' : 'Reconnecting…';
		};
		source.addEventListener('ready', () => setState(true));
		source.addEventListener('error', () => setState(false));
		for (const [name, handler] of Object.entries(handlers || {})) {
			source.addEventListener(name, (event) => handler(JSON.parse(event.data)));
		}
		return source;
	}

	/** Keys for the page, unless the user is typing in a field. */
	function keys(bindings) {
		document.addEventListener('keydown', (event) => {
			const target = event.target;
			const typing = target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
			if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
			const handler = bindings[event.key];
			if (handler) {
				event.preventDefault();
				handler(event);
			}
		});
	}

	const canTriage = () => document.body.dataset.canTriage === 'true';

	return { el, api, ApiError, severityBadge, statusBadge, time, highlight, live, keys, canTriage };
})();
