# Idiom seen in: ming024/FastSpeech2 config/LJSpeech/train.yaml
# Idiom seen in: ming024/FastSpeech2 model/optimizer.py
# What it reproduces: the train config (the YAML as a dict): Adam betas/eps and weight_decay 0.0, the
# Noam warm-up and annealing steps read by ScheduledOptim.
train_config = {
    "path": {"ckpt_path": "./output/ckpt/LJSpeech", "log_path": "./output/log/LJSpeech"},
    "optimizer": {
        "batch_size": 16,
        "betas": [0.9, 0.98],
        "eps": 0.000000001,
        "weight_decay": 0.0,
        "grad_clip_thresh": 1.0,
        "grad_acc_step": 1,
        "warm_up_step": 4000,
        "anneal_steps": [300000, 400000, 500000],
        "anneal_rate": 0.3,
    },
    "step": {"total_step": 900000, "log_step": 100, "save_step": 100000},
}
model_config = {"transformer": {"encoder_hidden": 256, "decoder_hidden": 256}}
