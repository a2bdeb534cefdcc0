package dev.intake.secrets;

/**
 * The secret values Intake uses: which of the deployment's two secrets holds each (and under which JSON
 * field), and which plain setting stands for it where no secret is configured (local mode, tests).
 */
public enum SecretField {
    RECALL_WEBHOOK_SECRET(Holder.APP, "recallWebhookSecret", "intake.recall.webhook-secret"),
    RECALL_API_KEY(Holder.APP, "recallApiKey", "intake.recall.api-key"),
    JWT_SECRET(Holder.APP, "jwtSecret", "intake.auth.jwt-secret"),
    R2_FORWARD_SECRET(Holder.APP, "r2ForwardSecret", "intake.r2.forward-secret"),
    ASSEMBLYAI_API_KEY(Holder.APP, "assemblyAiApiKey", "intake.transcription.assemblyai.api-key"),
    ANALYSIS_API_KEY(Holder.APP, "analysisApiKey", "intake.analysis.openai.api-key"),
    DATABASE_USERNAME(Holder.DATABASE, "username", "quarkus.datasource.username"),
    DATABASE_PASSWORD(Holder.DATABASE, "password", "quarkus.datasource.password");

    /** The deployment's secrets: one for the app's keys, one for the database's credentials. */
    public enum Holder {
        APP("intake.secrets.app-secret-id"),
        DATABASE("intake.secrets.database-secret-id");

        private final String idProperty;

        Holder(String idProperty) {
            this.idProperty = idProperty;
        }

        /** The setting naming this secret. */
        public String idProperty() {
            return idProperty;
        }
    }

    private final Holder holder;
    private final String field;
    private final String property;

    SecretField(Holder holder, String field, String property) {
        this.holder = holder;
        this.field = field;
        this.property = property;
    }

    public Holder holder() {
        return holder;
    }

    /** Its field in the secret's JSON. */
    public String field() {
        return field;
    }

    /** The plain setting that is its value where {@link Holder#idProperty()} is not set. */
    public String property() {
        return property;
    }

    /** Where a missing value is set, for the message that says it is missing. */
    public String whereToSet() {
        return property + " (or '" + field + "' in the secret " + holder.idProperty() + " names)";
    }
}
