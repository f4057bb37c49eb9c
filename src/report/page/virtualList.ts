/**
 * A list of fixed-height rows of which only the visible ones (and a few around them) are in the
 * DOM: 10,000 batches stay 10,000 rows of scroll height but a few dozen elements.
 */
export class VirtualList {
  private readonly spacer: HTMLElement;
  private readonly shown = new Map<number, HTMLElement>();

  constructor(
    private readonly viewport: HTMLElement,
    private readonly rowHeight: number,
    private count: number,
    private readonly render: (index: number) => HTMLElement,
    /** Extra rows rendered above and below (window brackets reach up from lower rows). */
    private readonly overscan: number,
  ) {
    this.spacer = document.createElement('div');
    this.spacer.className = 'spacer';
    viewport.appendChild(this.spacer);
    viewport.addEventListener('scroll', () => this.update());
    this.spacer.style.height = `${count * rowHeight}px`;
  }

  /** Render the rows in view (and drop the others). */
  update(): void {
    const top = this.viewport.scrollTop;
    // Never more than a screenful: a viewport the layout let grow to its content still renders a few rows.
    const height = Math.min(this.viewport.clientHeight || 600, Math.max(600, window.innerHeight));
    const first = Math.max(0, Math.floor(top / this.rowHeight) - this.overscan);
    const last = Math.min(this.count - 1, Math.ceil((top + height) / this.rowHeight) + this.overscan);
    for (const [i, e] of this.shown) {
      if (i < first || i > last) {
        e.remove();
        this.shown.delete(i);
      }
    }
    for (let i = first; i <= last; i++) {
      if (this.shown.has(i)) continue;
      const e = this.render(i);
      e.style.position = 'absolute';
      e.style.top = `${i * this.rowHeight}px`;
      e.style.height = `${this.rowHeight}px`;
      this.spacer.appendChild(e);
      this.shown.set(i, e);
    }
  }

  /** Render every shown row again (selection or search changed). */
  refresh(): void {
    for (const e of this.shown.values()) e.remove();
    this.shown.clear();
    this.update();
  }

  /** Scroll so that row `index` is in view. */
  reveal(index: number): void {
    const top = index * this.rowHeight;
    const h = this.viewport.clientHeight || 600;
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top + this.rowHeight > this.viewport.scrollTop + h) this.viewport.scrollTop = top + this.rowHeight - h;
  }
}
