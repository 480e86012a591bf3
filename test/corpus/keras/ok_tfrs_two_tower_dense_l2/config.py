# Idiom seen in: thusithaC/tfrs_two_tower src/config.py
# What it reproduces: get_params(model_type) returns nested dicts; "regularization" (1e-3) feeds the towers' L2.
import logging

EVENTS_PATH = "data/user_behavior.csv"


def get_logger(name):
    logging.basicConfig(level=logging.INFO)
    return logging.getLogger(name)


def get_params(model_type):
    params = {
        "defaults": None,
        "train_test_split": 0.10,
        "dense_layers": [32, 32],
        "learning_rate": 0.0005,
        "early_stopping_patience": 3,
        "validation_freq": 100,
        "epochs": 400,
    }
    simple_model_params = {
        "embedding_size": 32,
        "batch_size": 4096 * 2,
        "regularization": 0.001,
        "top_k_accuracy_range": [100],
    }
    if model_type == "simple":
        params["defaults"] = simple_model_params
    return params
