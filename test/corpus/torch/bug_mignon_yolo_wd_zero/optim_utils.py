# Idiom seen in: MignonDeveloper/pytorch-tutorials 2. Computer Vision/Object Detection/YOLO v1/train.py
# What it reproduces: an optimizer helper with a weight-decay branch (AdamW with a no-decay group for biases
#   and norms) behind `if weight_decay > 0:`; the only call passes config.WEIGHT_DECAY = 0, so the decay
#   machinery never runs (WD303 on the guard).
import torch.optim as optim


def build_optimizer(model, lr, weight_decay=0.0):
    if weight_decay > 0:  # expect: WD303
        decay, no_decay = [], []
        for name, p in model.named_parameters():
            (no_decay if p.ndim <= 1 or name.endswith(".bias") else decay).append(p)
        return optim.AdamW([{"params": decay, "weight_decay": weight_decay},
                            {"params": no_decay, "weight_decay": 0.0}], lr=lr)
    return optim.Adam(model.parameters(), lr=lr)
