# Idiom seen in: Goy0695/deep_ctr_model config/DeepFM_Config.py
# What it reproduces: the params dict handed to the DeepFM Estimator (l2_reg feeds both the FM penalty and
#   the MLP weights_regularizer).
deepfm_params = {
    "feature_size": 1467,
    "field_size": 101,
    "loss_type": "log_loss",
    "optimizer": "Adam",
    "deep_layers": "256,128,64",
    "dropout": "0.5,0.5,0.5",
    "embedding_size": 8,
    "num_epochs": 10,
    "batch_size": 2048,
    "learning_rate": 0.001,
    "l2_reg": 0.0001,
}
