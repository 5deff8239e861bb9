-- A report page's content pictures (its tables pasted as images) are files of the report, linked as attachments
-- with the page as their source. picture_order is the picture's place among the page's content pictures (1, 2, …,
-- in document order: html/content-pictures.ts), by which extraction reads each where it stands on the page; NULL
-- for every other link (a page, an attachment).
ALTER TABLE report_files ADD COLUMN picture_order INTEGER;
CREATE INDEX report_files_pictures ON report_files(source_url, picture_order) WHERE picture_order IS NOT NULL;
