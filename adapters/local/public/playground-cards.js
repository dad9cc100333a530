// The playground's cards: the bot's Adaptive Card JSON drawn by Microsoft's `adaptivecards`
// renderer, as Teams does, with used buttons greyed out. Loaded before playground.js.
(() => {
  // Card text is markdown-lite: escape everything, then allow **bold** — nothing a user typed runs.
  const escapeHtml = (s) =>
    s.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = escapeHtml(text)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/\n/g, '<br>');
    result.didProcess = true;
  };

  // --- Buttons: a pressed button shows its label as what you "said" and cannot be pressed twice.
  const actionKey = (title, command) => `${title ?? ''}\u0000${command}`;

  // Marks the card's actions that were already used as disabled (Adaptive Cards 1.5 `isEnabled`),
  // so a redrawn conversation keeps them greyed out.
  function withUsedActionsDisabled(card, used) {
    if (!used || used.size === 0) return card;
    const walk = (node) => {
      if (Array.isArray(node)) return node.map(walk);
      if (!node || typeof node !== 'object') return node;
      const copy = {};
      for (const [key, value] of Object.entries(node)) copy[key] = walk(value);
      const command = copy.data?.command;
      if (
        typeof copy.type === 'string' &&
        copy.type.startsWith('Action.') &&
        command &&
        used.has(actionKey(copy.title, command))
      )
        copy.isEnabled = false;
      return copy;
    };
    return walk(card);
  }

  function render(card, message, send) {
    const adaptive = new AdaptiveCards.AdaptiveCard();
    adaptive.hostConfig = new AdaptiveCards.HostConfig({
      fontFamily: 'system-ui, "Segoe UI", "DejaVu Sans", sans-serif',
      // No spacer elements between buttons (the stylesheet spaces them with `gap`, so a wrapped
      // row starts flush left) and titles that wrap: nothing is clipped on a phone.
      actions: {
        actionsOrientation: 'horizontal',
        buttonSpacing: 0,
        allowTitleToWrap: true,
        maxActions: 25,
        showCard: { actionMode: 'inline' },
      },
    });
    adaptive.onExecuteAction = (action) => {
      const command = action.data?.command;
      if (command) {
        const key = actionKey(action.title, command);
        if (message.used?.has(key)) return;
        message.used = message.used ?? new Set();
        message.used.add(key);
        // A form's button carries the card's inputs in its data: they go along with the command.
        // Nothing saved (a refusal): the button can be pressed again; the form comes back with the text.
        send(
          command,
          {
            label: action.title,
            data: action.data?.form ? action.data : undefined,
            onRefused: () => message.used.delete(key),
          },
          message.formToken,
        );
      } else if (action.url) window.open(action.url, '_blank', 'noopener');
    };
    adaptive.parse(withUsedActionsDisabled(card, message.used));
    const element = adaptive.render();
    element.classList.add('card');
    return element;
  }

  window.playgroundCards = { render };
})();
