// The local playground's page script. Plain browser JavaScript, no build step: it talks to
// /playground/api/* and renders the bot's Adaptive Cards with the official `adaptivecards` renderer.
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { session: null, conversation: 'dm', history: new Map() };

  // Cards are drawn by playground-cards.js; a pressed button is sent as what the person said.
  const renderCard = (card, message) => window.playgroundCards.render(card, message, send);

  function messagesOf(conversation) {
    if (!state.history.has(conversation)) state.history.set(conversation, []);
    return state.history.get(conversation);
  }

  // A stored message (from the server: the event stream or an answer) as the page keeps it. The
  // page's "dm" is the chosen person's DM with the bot; channels keep their ids.
  const pageConversation = (stored) => (stored.startsWith('dm:') ? 'dm' : stored);

  // Shows `event` once: the same id again (an update, a second copy) replaces it in place, and the
  // page's own copy of what the person just wrote is replaced by the stored one.
  function upsert(event) {
    const list = messagesOf(pageConversation(event.conversation));
    const entry =
      event.from === 'person'
        ? { id: event.id, at: event.at, author: event.author, text: event.text }
        : {
            id: event.id,
            at: event.at,
            author: state.session.words.bot,
            card: event.card,
            formToken: event.formToken,
            fromBot: true,
          };
    const earlier = list.findIndex(
      (m) => m.id === event.id || (event.clientId && m.clientId === event.clientId),
    );
    if (earlier >= 0) {
      entry.used = list[earlier].used;
      list[earlier] = entry;
    } else list.push(entry);
  }

  // "tis 15 dec. 09:00" in the plan's time zone: with a simulated clock, the time tells the story.
  const timeOf = (iso) =>
    iso
      ? new Intl.DateTimeFormat(state.session.locale === 'en' ? 'en-GB' : 'sv-SE', {
          timeZone: state.session.timeZone,
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(iso))
      : '';

  // --- First screen: what to try, with example questions as buttons.
  function welcome() {
    const { words, examples } = state.session;
    const item = document.createElement('li');
    item.className = 'welcome';
    const title = document.createElement('h3');
    title.textContent = words.welcomeTitle;
    const text = document.createElement('p');
    text.textContent =
      state.conversation === 'dm' ? words.welcome : `${words.welcome} ${words.channelWelcome}`;
    const buttons = document.createElement('div');
    buttons.className = 'examples';
    for (const example of examples) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = example;
      // In a channel the example is addressed to the bot, as people do there.
      button.addEventListener('click', () =>
        send(state.conversation === 'dm' ? example : `@delmal ${example}`, { label: example }),
      );
      buttons.append(button);
    }
    item.append(title, text, buttons);
    return item;
  }

  // After a reply the view shows the reply's first line; reading starts there, not at its end.
  function scrollToLatestReply(list) {
    const replies = list.querySelectorAll('li.from-bot');
    const latest = replies[replies.length - 1];
    const last = list.lastElementChild;
    if (latest && latest === last) list.scrollTop = latest.offsetTop - list.offsetTop;
    else list.scrollTop = list.scrollHeight;
  }

  function draw() {
    const list = $('messages');
    list.replaceChildren();
    if (messagesOf(state.conversation).length === 0) list.append(welcome());
    for (const message of messagesOf(state.conversation)) {
      const item = document.createElement('li');
      if (message.fromBot) item.className = 'from-bot';
      const meta = document.createElement('div');
      meta.className = 'meta';
      const author = document.createElement('span');
      author.className = 'author';
      author.textContent = message.author;
      meta.append(author);
      if (message.at) {
        const time = document.createElement('time');
        time.dateTime = message.at;
        time.textContent = timeOf(message.at);
        meta.append(' ', time);
      }
      item.append(meta);
      if (message.card) item.append(renderCard(message.card, message));
      else {
        const text = document.createElement('div');
        text.className = `message-text${message.error ? ' error' : ''}`;
        text.textContent = message.text;
        item.append(text);
      }
      list.append(item);
    }
    scrollToLatestReply(list);
  }

  function selectConversation(id) {
    state.conversation = id;
    const conversation = state.session.conversations.find((c) => c.id === id);
    $('conversation-name').textContent = conversation.name;
    $('conversation-hint').textContent = conversation.hint;
    for (const button of $('conversations').querySelectorAll('button'))
      button.setAttribute('aria-current', String(button.dataset.id === id));
    draw();
    $('text').focus();
  }

  // `button.label`: the words on the pressed button, shown as what you said instead of the command.
  // A button carries its card's form token: pressing it twice is one submission (one check-in).
  // The server stores both what you said and the answer, and sends them to every open page.
  // A refusal (nothing saved) calls `button.onRefused`, so the pressed button can be used again.
  async function send(text, button, formToken) {
    const words = state.session.words;
    const who = $('who').value;
    const person = state.session.people.find((p) => p.email === who);
    const conversation = state.conversation;
    // A button press in a channel is addressed to the bot, as a Slack or Teams button would be.
    const sent = button && conversation !== 'dm' && !/^\s*[/@]delmal\b/i.test(text) ? `/${text}` : text;
    const clientId = crypto.randomUUID();
    messagesOf(conversation).push({
      clientId,
      author: person ? person.name : words.you,
      text: button?.label || sent,
    });
    draw();
    try {
      const response = await fetch('/playground/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          as: who || undefined,
          conversation,
          text: sent,
          label: button?.label || undefined,
          clientId,
          formToken,
          data: button?.data,
        }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || response.statusText);
      if (body.reply?.refused === true) button?.onRefused?.();
      // Another person chosen meanwhile: their page shows their own conversations only.
      if (who !== $('who').value) return;
      if (body.said) upsert(body.said);
      if (body.reply?.id) upsert(body.reply);
      else if (body.reply)
        messagesOf(conversation).push({
          author: words.bot,
          card: body.reply.card,
          formToken: body.reply.formToken,
          fromBot: true,
        });
    } catch (error) {
      messagesOf(conversation).push({
        author: words.bot,
        text: `${words.error} (${error.message})`,
        error: true,
        fromBot: true,
      });
    }
    draw();
  }

  // Everything in the chosen person's DM and the channels arrives as server-sent events: first
  // what is stored (a reload, a second tab), then what is written from now on, by anyone.
  let events;
  let clock;
  function listen() {
    events?.close();
    // Another person: only their conversations, nothing of the previous person's DM.
    state.history = new Map();
    draw();
    const who = $('who').value;
    events = new EventSource(`/playground/api/events?as=${encodeURIComponent(who)}`);
    let redrawing = false;
    events.onmessage = (message) => {
      upsert(JSON.parse(message.data));
      // Stored messages come in a burst: one redraw for all of them.
      if (redrawing) return;
      redrawing = true;
      requestAnimationFrame(() => {
        redrawing = false;
        draw();
        // Time moved (another tab pressed the clock): show where it is now.
        if (state.session.clock?.simulated) clock.show();
      });
    };
  }

  // --- A channel named in the address opens it: ?kanal=lag-missbruk, ?kanal=%23LAG%20missbruk, #lag-missbruk.
  const channelKey = (name) =>
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/^\s*#\s*/, '')
      .replace(/^network:/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

  function conversationFromAddress(conversations) {
    const params = new URLSearchParams(window.location.search);
    const asked = params.get('kanal') ?? params.get('channel') ?? decodeURIComponent(window.location.hash);
    if (!asked || !channelKey(asked)) return undefined;
    const wanted = channelKey(asked);
    return conversations.find(
      (c) => c.id !== 'dm' && (channelKey(c.id) === wanted || channelKey(c.name) === wanted),
    )?.id;
  }

  async function start() {
    state.session = await (await fetch('/playground/api/session')).json();
    const { words, people, conversations, locale } = state.session;
    document.documentElement.lang = locale;
    document.title = words.title;
    $('title').textContent = words.title;
    $('intro').textContent = words.intro;
    $('who-label').textContent = words.whoAmI;
    $('conversations-label').textContent = words.conversations;
    $('send').textContent = words.send;
    $('text').placeholder = words.placeholder;
    $('text-label').textContent = words.placeholder;
    $('demo').textContent = words.demo;
    const anonymous = new Option(words.anonymous, '');
    $('who').append(anonymous, ...people.map((p) => new Option(`${p.name} – ${p.role}`, p.email)));
    for (const conversation of conversations) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = conversation.id;
      button.textContent = conversation.name;
      button.addEventListener('click', () => selectConversation(conversation.id));
      $('conversations').append(button);
    }
    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('text').value.trim();
      if (!text) return;
      $('text').value = '';
      send(text, false);
    });
    $('who').addEventListener('change', () => {
      // Another person: their own stream of what delmal writes to them.
      listen();
    });
    clock = window.playgroundClock.start(state.session.clock, {
      timeOf,
      error: state.session.words.error,
    });
    selectConversation(conversationFromAddress(conversations) ?? 'dm');
    listen();
    document.body.dataset.ready = 'true';
  }

  start();
})();
