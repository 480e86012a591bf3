# Idiom seen in: hesperusli/digimon_and_pokemon_classify config.py
# What it reproduces: the module of hyperparameter constants the training script imports; weight_decay is typed 5e4
#   instead of 5e-4 (user mistake; the same exponent slip appears in other public SGD scripts), so lr*wd = 500.
# 设置目录
train_image = "./data/train"
test_image = "./data/test"
model = "Alex1"
weights = "./checkpoints/"
logs = "./logs"
example = "./example"
# 设置超参数
epochs = 100
bach_size = 16
lr = 1e-2
lr_decay = 0.1
weight_decay = 5e4
