# Idiom seen in: nance97/NLUProject 257021_Nancy_Kalaj/LM/part_A/configs/exp5.py
# What it reproduces: experiment configs are plain dicts; exp6 goes back to SGD lr=2.0 (exp3) but keeps a
# weight_decay from the AdamW sweep, so plain SGD gets lr*wd = 2.0*0.5 = 1.0: decay alone zeroes the weights.
CFG = {
    "model_type":    "LM_LSTM",
    "emb_size":      300,
    "hid_size":      200,
    "dropout":       0.1,
    "embed_dropout": 0.1,
    "optimizer":     "SGD",
    "lr":            2.0,
    "weight_decay":  0.5,  # expect: WD301
}
