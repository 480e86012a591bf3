# Idiom seen in: NhanBuiDuc/stock-trend-prediction configs/lstm_config.py
# Idiom seen in: NhanBuiDuc/stock-trend-prediction trainer/lstm_trainer.py
# What it reproduces: a per-model config dict whose "training" section names the optimizer ("adam") and a
#   weight_decay; the trainer hands that decay to torch.optim.Adam on every LSTM parameter (coupled L2 on
#   biases too), as the repository does.
lstm_cf = {
    "model": {
        "num_layers": 2,
        "hidden_size": 64,
        "drop_out": 0.3,
        "symbol": "AAPL",
        "window_size": 14,
        "output_step": 3,
        "data_mode": 0,
    },
    "training": {
        "device": "cuda",
        "batch_size": 64,
        "num_epoch": 50,
        "learning_rate": 0.001,
        "loss": "bce",
        "optimizer": "adam",
        "scheduler_step_size": 50,
        "patient": 100,
        "best_model": True,
        "early_stop": True,
        "weight_decay": 0.0001,
    },
}
