# Idiom seen in: Sardhendu/self-driving-vehicle src/traffic_sign_classifier/params.py (one module-level `params` dict imported by train.py; the original spells the key "weight_deacay")
# What it reproduces: the hyper-parameter dict, including the weight decay that train.py's grad() reads. No decay logic here; the bug (WD104) is labelled in train.py.

params = {
    "num_classes": 43,
    "batch_size": 256,
    "weight_decay": 0.0001,
    "poly_cosine_schedular": {
        "learning_rate": 0.01,
        "poly_power": 0.9,
        "end_learning_rate": 0.0001,
    },
    "epochs": 100,
    "train_steps": int(34799 / 256),
    "eval_steps": 200,
    "save_summary_steps": 100,
    "model_dir": "./data/model",
}
