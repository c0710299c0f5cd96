/** A browser session for HTTP-level tests: keeps its cookie, reads the CSRF token from pages. */
export class WebClient {
  cookie = '';
  csrf = '';

  constructor(readonly base: string) {}

  /** GETs a page (no redirects followed), remembering the session cookie and the page's CSRF token. */
  async get(path: string): Promise<{ status: number; html: string; headers: Headers }> {
    const res = await fetch(`${this.base}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {}, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const html = await res.text();
    const token = /name="csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrf = token[1]!;
    return { status: res.status, html, headers: res.headers };
  }

  /** POSTs a form as a browser would (urlencoded, with the cookie); the CSRF token is added unless given. */
  async post(path: string, fields: Record<string, string>): Promise<{ status: number; html: string; location: string | null }> {
    const body = new URLSearchParams({ csrf: this.csrf, ...fields });
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(this.cookie ? { cookie: this.cookie } : {}) },
      redirect: 'manual',
    });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  /** Starts a consult and returns its id. */
  async start(): Promise<string> {
    if (!this.csrf) await this.get('/');
    const res = await this.post('/web/start', {});
    const id = /^\/consult\/([\w-]+)$/.exec(res.location ?? '')?.[1];
    if (res.status !== 303 || !id) throw new Error(`start failed: ${res.status} ${res.location}`);
    return id;
  }

  /** Clicks a consult button: `click` is the button's value, e.g. `answer:suspicion:yes`. */
  click(consultId: string, step: number, click: string) {
    return this.post('/web/click', { consultId, step: String(step), click });
  }
}
