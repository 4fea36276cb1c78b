CREATE TABLE "catene_fiducia" (
	"soggetto" varchar(500) NOT NULL,
	"ancora" varchar(500) NOT NULL,
	"catena" jsonb NOT NULL,
	"metadati" jsonb NOT NULL,
	"trust_mark" jsonb NOT NULL,
	"risolta_il" timestamp with time zone NOT NULL,
	"scade_il" timestamp with time zone NOT NULL,
	CONSTRAINT "catene_fiducia_soggetto_ancora_pk" PRIMARY KEY("soggetto","ancora")
);
