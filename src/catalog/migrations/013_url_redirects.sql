-- Where an address redirected to when it was last fetched (a counting link `/visit/link.do?id=N` answering 302 to
-- the article): a list item asked by that address is the article's, a known source when the article is one, so an
-- incremental crawl stops paging at a page of such items as it does at a page of direct links.
ALTER TABLE url_state ADD COLUMN redirect_to TEXT;
