/** A fetched page as the handlers see it, whichever crawler (HTTP or browser) fetched it. */
export interface PageVisit {
  url: string;
  loadedUrl: string;
  status: number;
  /** The page decoded to text (HTML, XML or JSON), or the rendered DOM for a browser visit. */
  body: string;
  /** The Content-Type header, when known. */
  contentType?: string | null;
  /** The encoding the page was sent in (gb18030, utf-8…), when the HTTP client decoded it. */
  encoding?: string | null;
  /** The request's method (GET when absent). */
  method?: string;
  /** Fetched by the browser lane. */
  rendered?: boolean;
  /**
   * The answer's paging headers (`Link`, `X-Total-Count`, `X-WP-TotalPages`…: learn/answer-headers.ts), lower-cased,
   * when it sent any: a bare-array list answer says its length and its next page there only.
   */
  headers?: Record<string, string>;
  /**
   * Later pages of this list the browser turned to and drew (a list no replay can read), their links appended to this
   * body: each counts as a list page read, and the pager is not followed again.
   */
  drawnPages?: number;
  /**
   * Later pages of this list the browser's turning of its pager walked to (static addresses, queued over HTTP as its
   * next list pages): its pager is a dead end only past them (families/pager.ts deadEndAfterDrawn).
   */
  walkedPages?: number;
}
