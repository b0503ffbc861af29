import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** Options of {@link AnnouncerController.render}. */
export interface AnnouncerRenderOptions {
  /** Show the latest announcement as a visible status line too (one region, read once). */
  visible?: boolean;
}

/**
 * A live region inside the host's shadow root for "Gespeichert" / "Abgelehnt: …". The region is
 * rendered from the start (screen readers ignore regions that appear together with their text), and
 * the same message twice is announced twice by clearing the region first.
 *
 * @example
 * private readonly announcer = new AnnouncerController(this);
 * render() { return html`…${this.announcer.render()}`; }
 * // after saving:
 * this.announcer.announce(this.i18n.t('status.saved'));
 */
export class AnnouncerController implements ReactiveController {
  private message = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The text currently in the region. */
  get current(): string {
    return this.message;
  }

  /** Announces `message`. */
  announce(message: string): void {
    clearTimeout(this.timer);
    this.message = '';
    this.host.requestUpdate();
    // A separate task after the clearing render, so the change is a real mutation of the region.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.message = message;
      this.host.requestUpdate();
    }, 30);
  }

  /** Empties the region. */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.message = '';
    this.host.requestUpdate();
  }

  /** The region; render it once in the host's template (styles: `sharedStyles` or your own). */
  render(options: AnnouncerRenderOptions = {}) {
    const cls = options.visible ? 'fk-status' : 'fk-visually-hidden';
    // One line on purpose: whitespace inside the region would defeat `.fk-status:empty`.
    // prettier-ignore
    return html`<div part="status" class=${cls} role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
