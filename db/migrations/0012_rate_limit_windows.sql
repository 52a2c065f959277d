CREATE TABLE "rate_limit_windows" (
	"key" varchar(200) NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_windows_key_window_start_pk" PRIMARY KEY("key","window_start"),
	CONSTRAINT "rate_limit_windows_count_positive" CHECK ("rate_limit_windows"."count" > 0)
);
