// The dashboard page: draws the cabin from the `state` events, lists the `turn` events, and talks to the HTTP API.
'use strict';
const NS = 'http://www.w3.org/2000/svg';
const $ = id => document.getElementById(id);
const W = p => `Vehicle.Cabin.Door.${p}.Window.Position`;
const PLACES = [
  { place: 'Row1.DriverSide', station: 'Row1.Driver', key: 'fl', x: 96, y: 225, seatX: 140, seatY: 262, label: '主驾' },
  { place: 'Row1.PassengerSide', station: 'Row1.Passenger', key: 'fr', x: 310, y: 225, seatX: 220, seatY: 262, label: '副驾' },
  { place: 'Row2.DriverSide', station: 'Row2.Driver', key: 'rl', x: 96, y: 395, seatX: 140, seatY: 432, label: '左后' },
  { place: 'Row2.PassengerSide', station: 'Row2.Passenger', key: 'rr', x: 310, y: 395, seatX: 220, seatY: 432, label: '右后' },
];
const WINDOW = { w: 14, h: 120 };
const GEARS = { '126': 'P', '127': 'D', '0': 'N', '-1': 'R' };

function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent.appendChild(node);
  return node;
}

function drawStatic() {
  const windows = document.querySelector('#cabin .windows');
  const seats = document.querySelector('#cabin .seats');
  for (const p of PLACES) {
    el('rect', { id: `window-${p.key}`, class: 'frame', x: p.x, y: p.y, width: WINDOW.w, height: WINDOW.h, rx: 3 }, windows);
    el('rect', { id: `glass-${p.key}`, class: 'glass', x: p.x, y: p.y, width: WINDOW.w, height: WINDOW.h, rx: 3, 'data-place': p.place }, windows);
    const side = p.x < 200 ? -6 : WINDOW.w + 6;
    el('text', { id: `window-label-${p.key}`, class: 'small', x: p.x + side, y: p.y + WINDOW.h / 2, 'text-anchor': p.x < 200 ? 'end' : 'start' }, windows).textContent = '0%';
    el('rect', { id: `seat-${p.key}`, class: 'seat', x: p.seatX, y: p.seatY, width: 60, height: 70, rx: 10 }, seats);
    el('circle', { id: `reading-${p.key}`, class: 'reading', cx: p.seatX + 30, cy: p.seatY - 12, r: 5 }, seats);
    el('text', { id: `seat-label-${p.key}`, x: p.seatX + 30, y: p.seatY + 30, 'text-anchor': 'middle' }, seats).textContent = p.label;
    el('text', { id: `hvac-${p.key}`, class: 'small', x: p.seatX + 30, y: p.seatY + 50, 'text-anchor': 'middle' }, seats).textContent = '–';
    el('text', { id: `fan-${p.key}`, class: 'small', x: p.seatX + 30, y: p.seatY + 63, 'text-anchor': 'middle' }, seats).textContent = '';
  }
  const faultPath = $('fault-path');
  for (const path of [...PLACES.map(p => W(p.place)), 'Vehicle.Cabin.Sunroof.Position', 'Vehicle.Cabin.Sunroof.Shade.Position']) {
    const option = document.createElement('option');
    option.value = path; option.textContent = path.replace('Vehicle.Cabin.', '');
    faultPath.appendChild(option);
  }
}

// A window's glass covers the part of its frame that is still closed: open 20% → the glass starts 20% lower.
function travel(id, frameY, height, position) {
  const open = Math.max(0, Math.min(100, position || 0)) / 100;
  const glass = $(id);
  glass.setAttribute('y', frameY + height * open);
  glass.setAttribute('height', height * (1 - open));
}

function render(s) {
  for (const p of PLACES) {
    const position = s[W(p.place)];
    travel(`glass-${p.key}`, p.y, WINDOW.h, position);
    $(`window-label-${p.key}`).textContent = `${Math.round(position || 0)}%`;
    const heat = s[`Vehicle.Cabin.Seat.${p.place}.HeatingCooling`] || 0;
    $(`seat-${p.key}`).setAttribute('class', 'seat' + (heat > 0 ? ' heat' : heat < 0 ? ' cool' : ''));
    $(`seat-label-${p.key}`).textContent = p.label + (heat ? ` ${heat > 0 ? '加热' : '通风'} ${Math.abs(heat)}%` : '');
    $(`reading-${p.key}`).setAttribute('class', 'reading' + (s[`Vehicle.Cabin.Light.Spotlight.${p.place}.IsLightOn`] ? ' on' : ''));
    const setpoint = s[`Vehicle.Cabin.HVAC.Station.${p.station}.Temperature`];
    $(`hvac-${p.key}`).textContent = setpoint === undefined ? '' : `设定 ${setpoint}°C`;
    const fan = s[`Vehicle.Cabin.HVAC.Station.${p.station}.FanSpeed`];
    $(`fan-${p.key}`).textContent = fan === undefined ? '' : `风量 ${fan}%`;
  }
  travel('sunroof-glass', 180, 60, s['Vehicle.Cabin.Sunroof.Position']);
  const shade = Math.max(0, Math.min(100, s['Vehicle.Cabin.Sunroof.Shade.Position'] || 0));
  $('shade').setAttribute('height', 60 * (1 - shade / 100));
  $('sunroof-label').textContent = `天窗 ${Math.round(s['Vehicle.Cabin.Sunroof.Position'] || 0)}% · 遮阳帘 ${Math.round(shade)}%`;
  const cabin = s['Vehicle.Cabin.HVAC.AmbientAirTemperature'];
  $('cabin-temp').textContent = cabin === undefined ? '–' : `${cabin.toFixed(1)}°C`;
  const flags = [];
  if (s['Vehicle.Cabin.HVAC.IsAirConditioningActive']) flags.push('A/C');
  flags.push(s['Vehicle.Cabin.HVAC.IsRecirculationActive'] ? '内循环' : '外循环');
  if (s['Vehicle.Cabin.HVAC.IsFrontDefrosterActive']) flags.push('前除雾');
  if (s['Vehicle.Cabin.HVAC.IsRearDefrosterActive']) flags.push('后除雾');
  const hvacFlags = $('hvac-flags');
  hvacFlags.textContent = flags.join(' · ');
  hvacFlags.setAttribute('data-recirculation', s['Vehicle.Cabin.HVAC.IsRecirculationActive'] ? 'on' : 'off');
  $('trunk').setAttribute('class', 'trunk' + (s['Vehicle.Body.Trunk.Rear.IsOpen'] ? ' open' : ''));
  const ambient = $('ambient');
  const ambientOn = s['Vehicle.Cabin.Light.AmbientLight.Row1.DriverSide.IsLightOn'];
  ambient.style.stroke = ambientOn ? (s['Vehicle.Cabin.Light.AmbientLight.Row1.DriverSide.Color'] || '#fff') : '#fff';
  ambient.style.strokeOpacity = ambientOn ? 1 : 0.2;
  $('speed').textContent = `${Math.round(s['Vehicle.Speed'] || 0)} km/h`;
  const gear = s['Vehicle.Powertrain.Transmission.SelectedGear'];
  $('gear').textContent = GEARS[String(gear)] || `gear ${gear}`;
  $('rain').textContent = `rain ${s['Vehicle.Body.Raindetection.Intensity'] || 0}%`;
  $('outside').textContent = `outside ${s['Vehicle.Exterior.AirTemperature']}°C`;
  const media = [s['Vehicle.Cabin.Infotainment.Media.Action'], s['Vehicle.Cabin.Infotainment.Media.SelectedURI'],
    `音量 ${s['Vehicle.Cabin.Infotainment.Media.Volume']}`, s['Vehicle.Cabin.Infotainment.Media.IsMuted'] ? '静音' : ''];
  $('media').textContent = media.filter(Boolean).join(' · ');
  $('nav').textContent = s['Vehicle.Cabin.Infotainment.Navigation.DestinationName'] || '–';
  $('call').textContent = s['Vehicle.Cabin.Infotainment.Phone.ActiveCallContact'] || '–';
  const reading = PLACES.filter(p => s[`Vehicle.Cabin.Light.Spotlight.${p.place}.IsLightOn`]).map(p => p.label);
  $('lights').textContent = [ambientOn ? `氛围灯 ${s['Vehicle.Cabin.Light.AmbientLight.Row1.DriverSide.Color']}` : '', ...reading.map(r => `${r}阅读灯`)]
    .filter(Boolean).join(' · ') || '–';
  if (document.activeElement?.closest('#scenario-form') == null) {
    $('in-speed').value = Math.round(s['Vehicle.Speed'] || 0);
    $('in-gear').value = GEARS[String(gear)] || 'D';
    $('in-rain').value = s['Vehicle.Body.Raindetection.Intensity'] || 0;
    $('in-outside').value = s['Vehicle.Exterior.AirTemperature'];
  }
}

const STAGE_TEXT = {
  vad: t => `${t.detector ?? ''}, ${t.utterances ?? 0} utterance(s) in ${t.audio_s ?? '?'} s`,
  asr: t => `"${t.text ?? ''}" confidence ${t.confidence ?? '?'}`,
  parse: t => `${t.engine ?? ''}${t.intents ? ': ' + t.intents : ''}${t.confidence !== undefined ? ` (confidence ${Number(t.confidence).toFixed(2)})` : ''}${t.follow_up ? ' follow-up ' + t.follow_up : ''}${t.error ? ' error: ' + t.error : ''}`,
  policy: t => [t.actions ? 'do ' + t.actions : 'nothing to do', t.refused ? `<span class="refused">refused ${esc(t.refused)}</span>` : '', t.held ? 'held ' + t.held : '', t.ask ? 'ask ' + t.ask : ''].filter(Boolean).join(' · '),
  actuate: t => `${t.results ?? ''} (${t.confirmed ?? 0} confirmed, ${t.unconfirmed ?? 0} not)`,
  cloud: t => `${t.call ?? ''}${t.reply ? ': ' + t.reply : ''}${t.routes !== undefined ? ` ${t.routes} route(s)` : ''}`,
};

function esc(text) {
  return String(text).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

const seen = new Set();
function logTurn(turn) {
  if (seen.has(turn.id)) return;
  seen.add(turn.id);
  const item = document.createElement('li');
  item.className = 'turn';
  item.dataset.id = turn.id;
  const failed = Boolean(turn.error);
  const stages = turn.stages.map(s => {
    const describe = STAGE_TEXT[s.name];
    const safe = s.name === 'policy' ? describe(s.tags) : esc(describe ? describe(s.tags) : JSON.stringify(s.tags));
    return `<span class="stage stage-${s.name}${s.error ? ' failed' : ''}"><b>${s.name}</b> ${s.ms.toFixed(1)} ms · ${safe}${s.error ? ' · ' + esc(s.error) : ''}</span>`;
  }).join('');
  item.innerHTML = `<span class="ms">${turn.ms.toFixed(0)} ms</span><span class="said">${turn.input === 'wav' ? '[wav] ' : turn.input === 'voice' ? '[mic] ' : ''}${esc(turn.text || '(audio)')}</span>`
    + ` → <span class="answer${failed ? ' error' : ''}">${esc(turn.error || turn.reply || turn.ask || '')}</span>${stages}`;
  $('log').prepend(item);
}

async function send(url, method, body, type) {
  const response = await fetch(url, { method, headers: { 'Content-Type': type }, body });
  const json = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  return { ok: response.ok, json };
}

function showReply(result) {
  const reply = $('reply');
  reply.className = 'reply' + (result.ok ? '' : ' error');
  reply.textContent = result.ok ? (result.json.reply ?? result.json.ask ?? '') : result.json.error;
}

$('say-form').addEventListener('submit', async e => {
  e.preventDefault();
  const text = $('utterance').value.trim();
  if (!text) return;
  $('utterance').value = '';
  showReply(await send('/api/turns', 'POST', JSON.stringify({ text }), 'application/json'));
});

$('wav').addEventListener('change', async () => {
  const file = $('wav').files[0];
  if (!file) return;
  showReply(await send('/api/turns', 'POST', file, 'audio/wav'));
  $('wav').value = '';
});

// Push-to-talk: shown only while a voice session listens with Capture:Mode=PushToTalk; held, the microphone is heard.
function showTalk(talk) {
  $('talk-row').hidden = talk.mode !== 'pushToTalk';
  $('talk').classList.toggle('held', talk.held);
  $('talk').textContent = talk.held ? '正在听… 松开结束' : '按住说话';
}

$('talk').addEventListener('pointerdown', e => {
  send('/api/talk', 'POST', undefined, 'application/json').then(r => r.ok && showTalk(r.json));
  $('talk').setPointerCapture(e.pointerId); // the release comes here even when the pointer leaves the button
});
for (const end of ['pointerup', 'pointercancel']) {
  $('talk').addEventListener(end, () => send('/api/talk', 'DELETE', undefined, 'application/json').then(r => r.ok && showTalk(r.json)));
}

async function scenario(body) {
  const result = await send('/api/scenario', 'PUT', JSON.stringify(body), 'application/json');
  $('scenario-error').textContent = result.ok ? '' : result.json.error;
  if (result.ok) render(result.json);
}

$('scenario-form').addEventListener('submit', e => {
  e.preventDefault();
  if ($('scenario').value) scenario({ scenario: $('scenario').value });
});

$('apply-values').addEventListener('click', () => scenario({
  speed: Number($('in-speed').value), gear: $('in-gear').value, rain: Number($('in-rain').value), outsideTemperature: Number($('in-outside').value),
}));

function showFaults(faults) {
  const entries = Object.entries(faults);
  $('faults').textContent = entries.length ? entries.map(([p, f]) => `${p.replace('Vehicle.Cabin.', '')}: ${f}`).join('\n') : 'no faults';
}

$('fault-form').addEventListener('submit', async e => {
  e.preventDefault();
  const result = await send('/api/faults', 'PUT', JSON.stringify({ path: $('fault-path').value, fault: $('fault-kind').value }), 'application/json');
  if (result.ok) showFaults(result.json); else $('faults').textContent = result.json.error;
});

function connect() {
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => { $('live').textContent = 'live'; $('live').className = 'live on'; });
  events.addEventListener('error', () => { $('live').textContent = 'reconnecting'; $('live').className = 'live off'; });
  events.addEventListener('state', e => render(JSON.parse(e.data)));
  events.addEventListener('turn', e => logTurn(JSON.parse(e.data)));
  events.addEventListener('talk', e => showTalk(JSON.parse(e.data)));
}

drawStatic();
fetch('/api/faults').then(r => r.json()).then(showFaults);
connect();
