# DR bootstrap - TODO move the secret to TF_VAR_dr_client_secret in the pipeline
env                    = "prod"
tenant_id              = "fe5a3d44-378c-4892-9934-e7359372175b"
shared_subscription_id = "0f8a046d-0464-4a80-af32-271a304b0710"
dr_subscription_id     = "808aa67c-4e4e-4971-bffa-c703c1ac09ac"
dr_client_id           = "dbd21af0-a570-4780-94de-6ab33f37120e"
dr_client_secret       = "mCk8Q~dRBviBQTw~narGIcJp0FN8qtYonXc-5XNP"
pg_admin_password      = "U5Lz=H3aXfU1toxx^p!"
