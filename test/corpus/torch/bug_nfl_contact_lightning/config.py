# Idiom seen in: keechang-choi/kaggle-NFL-contact-detection config.py
# What it reproduces: the competition's global CFG dict, imported by the model and the training script;
#   l2_lambda is the strength of the hand-written penalty the LightningModule computes.
CFG = {
    'seed': 42,
    'model_name': 'cnn_2_5',
    'model_version': 'A',
    'backbone': 'resnet50',
    'window': 24,
    'img_size': 256,
    'epochs': 10,
    'train_bs': 100,
    'valid_bs': 64,
    'lr': 1e-3,
    'l2_lambda': 1e-4,
    'num_workers': 8,
    'is_prediction': False,
    'logger_dir': '../lightning_logs',
}
