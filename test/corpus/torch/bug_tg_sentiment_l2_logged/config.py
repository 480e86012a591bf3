# Idiom seen in: Mikezz1/tg-sentiment nn/config.py
# What it reproduces: the flat cfg dict of a RuBERT sentiment fine-tune, with an extra 'l2_head' coefficient the user
#   added for an explicit penalty on the classifier head (see nn_model.train_epoch).
cfg = {
    'SEED': 42,
    'lr': 5e-5,
    'weight_decay': 1e-2,
    'l2_head': 1e-3,
    'epochs': 3,
    'model_name': "DeepPavlov/rubert-base-cased-conversational",
    'max_len': 384,
    'correct_bias': True,
    'dropout_prob': 0.3,
    'freeze': False,
}
