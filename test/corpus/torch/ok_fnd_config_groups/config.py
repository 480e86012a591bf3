# Idiom seen in: maheenunzeelah/EMGFND src/image_graph_prediction/config.py
# What it reproduces: the project's plain Config class holding the training hyper-parameters.
class Config:
    # batch_size = 8
    # lr = 1e-4
    # weight_decay = 1e-2
    batch_size = 32
    lr = 2e-4
    weight_decay = 1e-4
    dropout = 0.3
    gradient_accumulation_steps = 1
    epochs = 100
