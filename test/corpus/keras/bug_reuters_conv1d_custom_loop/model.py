# Idiom seen in: lyhue1991/eat_tensorflow2_in_30_days 6-2,训练模型的3种方法.md
# Idiom seen in: lyhue1991/eat_tensorflow2_in_30_days 5-5,损失函数losses.md
# What it reproduces: the book's Reuters Conv1D classifier built by create_model(); the user adds the
#   kernel_regularizer / l1_l2 terms shown in the book's losses chapter (where the model is fit()).
from tensorflow.keras import layers, models, regularizers

MAX_LEN = 300


def create_model(max_words, cat_num):
    model = models.Sequential()
    model.add(layers.Embedding(max_words, 7, input_length=MAX_LEN))
    model.add(layers.Conv1D(filters=64, kernel_size=5, activation='relu',
                            kernel_regularizer=regularizers.l2(0.01)))  # expect: WD103
    model.add(layers.MaxPool1D(2))
    model.add(layers.Conv1D(filters=32, kernel_size=3, activation='relu',
                            kernel_regularizer=regularizers.l2(0.01)))  # expect: WD103
    model.add(layers.MaxPool1D(2))
    model.add(layers.Flatten())
    model.add(layers.Dense(cat_num, activation='softmax',
                           kernel_regularizer=regularizers.l1_l2(0.01, 0.01)))  # expect: WD103
    return model
