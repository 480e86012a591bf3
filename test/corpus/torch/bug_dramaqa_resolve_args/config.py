# Idiom seen in: liveseongho/DramaQAChallenge2020 code/config.py
# What it reproduces: the experiment config dict with optimizer 'adam', learning_rate 1e-4 and weight_decay 1e-5.
config = {
    'multichoice': True,
    'model_name': 'multi_choice',
    'log_path': 'data/log',
    'batch_sizes': (16, 24, 12),
    'max_epochs': 20,
    'image_dim': 512,
    'n_dim': 300,
    'layers': 3,
    'dropout': 0.5,
    'learning_rate': 1e-4,
    'weight_decay': 1e-5,
    'loss_name': 'cross_entropy_loss',
    'optimizer': 'adam',
    'ckpt_path': 'data/ckpt',
    'ckpt_name': None,
}
